using BotAutoOrder.Domain.Audit;
using System.Net;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Testimonials (ADR-021): stars after delivery, an optional text, the average on the product card, the dashboard's
/// hide/unhide (audited), and the testimony channel — escaped, first name only, a refusal alerting the owner.
/// </summary>
public abstract class TestimonialTests(DatabaseProvider provider) : BuyingDashboardTestBase(provider)
{
    private const long Channel = -1_000_777;

    [Fact]
    public async Task RatingPrompt_LeftAloneForHalfAnHour_NoLongerTakesTheBuyersNextText()
    {
        var productId = await SeedProductAsync("NFY", "Netflix Basic", 25_000, items: 3);
        const long buyer = 44_011;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 25_000);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Kasih nilai") == true, what: "review prompt");
        await ClickAsync(buyer, $"rv:{orderId}:{productId}:2");
        await App.QueryAsync(db => db.Testimonials.ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAtUtc, t => t.UpdatedAtUtc.AddMinutes(-31))));

        await SendAsync(buyer, "netflix");

        Assert.Null(await App.QueryAsync(db => db.Testimonials.Select(t => t.Text).SingleAsync())); // a search, not a public review
        Assert.DoesNotContain(Bot.CallsOf("sendMessage", buyer), c => c.Text?.Contains("Terima kasih atas ulasannya") == true);
    }

    [Fact]
    public async Task Testimonial_RatingAndText_ShownOnTheCardPostedEscapedAndHideableByStaff()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { TestimonyChannelId = Channel }, "admin:test", CancellationToken.None);
        }
        var productId = await SeedProductAsync("NFX", "Netflix <Premium>", 25_000, items: 3);
        const long buyer = 44_001;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 25_000);

        var prompt = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Kasih nilai") == true, what: "review prompt");
        Assert.Contains("Netflix &lt;Premium&gt;", prompt.Text);
        Assert.Contains($"rv:{orderId}:{productId}:5", prompt.CallbackDatas());
        await ClickAsync(buyer, $"rv:{orderId}:{productId}:4");
        Assert.Contains("4⭐", Bot.CallsOf("editMessageText", buyer).Last().Text);
        await SendAsync(buyer, "<b>Mantap</b> & cepat");
        Assert.Contains("Terima kasih atas ulasannya", Bot.CallsOf("sendMessage", buyer).Last().Text);

        var post = await Bot.WaitForAsync(c => c.ChatId == Channel, what: "channel post");
        Assert.Contains("⭐⭐⭐⭐ <b>Netflix &lt;Premium&gt;</b>", post.Text);
        Assert.Contains("&lt;b&gt;Mantap&lt;/b&gt; &amp; cepat", post.Text);
        Assert.Contains("— Budi", post.Text);
        Assert.Contains("⭐ 4,0/5 dari 1 ulasan", await CardAsync(buyer, productId));

        // A stranger's (forged) rating button is refused and changes nothing.
        await ClickAsync(44_999, $"rv:{orderId}:{productId}:1");
        Assert.Equal([4], await App.QueryAsync(db => db.Testimonials.Select(t => t.Rating).ToListAsync()));

        var owner = await OwnerAsync();
        var page = await owner.GetPageAsync("/admin/testimonials");
        Assert.Contains("&lt;b&gt;Mantap&lt;/b&gt; &amp; cepat", page);
        var id = await App.QueryAsync(db => db.Testimonials.Select(t => t.Id).SingleAsync());
        using (var hide = await owner.PostFormAsync($"/admin/testimonials?handler=Hide&id={id}", ("hidden", "true")))
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Testimonials.AnyAsync(t => t.Id == id && t.IsHidden)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TestimonialHidden && a.Actor == OwnerActor)));
        Assert.DoesNotContain("ulasan", await CardAsync(buyer, productId));
        using (var noToken = await owner.PostWithoutTokenAsync($"/admin/testimonials?handler=Hide&id={id}", ("hidden", "false")))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using (var anonymous = await new DashboardClient(Client.BaseAddress!).GetAsync("/admin/testimonials"))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task AChannelThatRefuses_AlertsTheOwner_AndTheBuyerIsThankedAnyway()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { TestimonyChannelId = Channel }, "admin:test", CancellationToken.None);
        }
        Bot.FailNext("sendMessage", BotApiReply.Blocked(), chatId: Channel);
        var productId = await SeedProductAsync("SPT", "Spotify", 20_000, items: 1);
        const long buyer = 44_002;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 20_000);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Kasih nilai") == true, what: "review prompt");
        await ClickAsync(buyer, $"rv:{orderId}:{productId}:5");
        await ClickAsync(buyer, "rvs");
        Assert.Contains("Terima kasih atas ulasannya", Bot.CallsOf("editMessageText", buyer).Last().Text);
        var alert = await Bot.WaitForAsync(c => c.ChatId == 9100 && c.Text?.Contains("Channel testimoni") == true, what: "owner alert");
        Assert.Contains(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture), alert.Text);
        Assert.Equal(5, await App.QueryAsync(db => db.Testimonials.Select(t => t.Rating).SingleAsync()));
    }

    private async Task<string> CardAsync(long buyer, long productId)
    {
        await ClickAsync(buyer, $"p:{productId}:1", messageId: 500 + Updates.NextId());
        return Bot.CallsOf("editMessageText", buyer).Concat(Bot.CallsOf("sendMessage", buyer)).MaxBy(c => c.Sequence)!.Text!;
    }
}

public sealed class TestimonialPostgresTests() : TestimonialTests(DatabaseProvider.Postgres);

public sealed class TestimonialSqliteTests() : TestimonialTests(DatabaseProvider.Sqlite);
