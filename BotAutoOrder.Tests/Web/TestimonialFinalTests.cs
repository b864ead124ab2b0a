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
        var productId = await SeedProductAsync("TFN", "Canva Pro", 15_000, items: 2);
        const long buyer = 44_021;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 15_000);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.CallbackDatas().Contains($"rv:{orderId}:{productId}:5"), what: "review prompt");
        await ClickAsync(buyer, $"rv:{orderId}:{productId}:2");
        await ClickAsync(buyer, $"rv:{orderId}:{productId}:4"); // changed while the text is awaited: allowed
        Assert.Equal(4, await RatingAsync());
        await ClickAsync(buyer, "rvs"); // skip the text: final

        await ClickAsync(buyer, $"rv:{orderId}:{productId}:1");

        Assert.Equal(4, await RatingAsync());
    }

    private Task<int> RatingAsync() => App.QueryAsync(db => db.Testimonials.Select(t => t.Rating).SingleAsync());
}
