using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// A testimonial is final once its text step ended (text sent or skipped): it may already be on the product card and in
/// the testimony channel, so the old prompt's stars no longer change it. While the text is awaited, a second tap does.
/// </summary>
public sealed class TestimonialFinalTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task StarsTappedAgain_AfterTheTextStepEnded_LeaveTheRatingAsItWas()
    {
        var (orderId, productId) = await BuyAsync("TFN", 44_021);
        await ClickAsync(44_021, $"rv:{orderId}:{productId}:2");
        await ClickAsync(44_021, $"rv:{orderId}:{productId}:4"); // changed while the text is awaited: allowed
        Assert.Equal(4, await RatingAsync(productId));
        await ClickAsync(44_021, "rvs"); // skip the text: final

        await ClickAsync(44_021, $"rv:{orderId}:{productId}:1");

        Assert.Equal(4, await RatingAsync(productId));
    }

    [Fact]
    public async Task StarsTappedAgain_AfterTheTextWindowPassed_LeaveTheRatingAsItWas()
    {
        var (orderId, productId) = await BuyAsync("TFW", 44_022);
        await ClickAsync(44_022, $"rv:{orderId}:{productId}:3");
        await App.QueryAsync(db => db.Testimonials.ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAtUtc, t => t.UpdatedAtUtc.AddMinutes(-31))));

        await ClickAsync(44_022, $"rv:{orderId}:{productId}:5");

        Assert.Equal(3, await RatingAsync(productId));
    }

    [Fact]
    public async Task StaleStarsOfAFinishedReview_LeaveTheBuyersOtherReviewWaitingForItsText()
    {
        const long buyer = 44_023;
        var (first, firstProduct) = await BuyAsync("TFA", buyer);
        var (second, secondProduct) = await BuyAsync("TFB", buyer);
        await ClickAsync(buyer, $"rv:{first}:{firstProduct}:5");
        await ClickAsync(buyer, "rvs"); // the first review is final
        await ClickAsync(buyer, $"rv:{second}:{secondProduct}:4"); // the second waits for its text

        await ClickAsync(buyer, $"rv:{first}:{firstProduct}:1"); // an old button of the first: refused
        await SendAsync(buyer, "cepat dan aman");

        Assert.Equal("cepat dan aman", await App.QueryAsync(db => db.Testimonials.Where(t => t.ProductId == secondProduct)
            .Select(t => t.Text).SingleAsync()));
        Assert.Equal(5, await RatingAsync(firstProduct));
    }

    private async Task<(long OrderId, long ProductId)> BuyAsync(string code, long buyer)
    {
        var productId = await SeedProductAsync(code, "Canva " + code, 15_000, items: 2);
        return (await BuyWithBalanceAsync(buyer, productId, 15_000), productId);
    }

    private Task<int> RatingAsync(long productId) =>
        App.QueryAsync(db => db.Testimonials.Where(t => t.ProductId == productId).Select(t => t.Rating).SingleAsync());
}
