using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Paid broadcasts (<c>allow_paid_broadcast</c>): the owner's setting, the Star estimate, and the flag on the wire.</summary>
public abstract partial class BroadcastTests
{
    [Fact]
    public async Task PaidBroadcastRate_Above1000_IsRefusedAndNothingIsStored()
    {
        var owner = await EnglishOwnerAsync();

        using var bad = await owner.PostFormAsync("/admin/settings", SettingsForm(paid: true, rate: "1001"));

        Assert.Matches("data-valmsg-for=\"Input.PaidBroadcastRatePerSecond\"[^>]*>Between 1 and 1000", await bad.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Settings.AnyAsync()));
    }

    [Fact]
    public async Task FreeBroadcastDraft_ShowsNoStarCost_AndItsSendsCarryNoPaidFlag()
    {
        await SeedBuyersAsync(12);
        var owner = await EnglishOwnerAsync();
        var id = await CreateDraftAsync(owner, "<b>Gratis</b> untuk semua");

        var draft = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        await SendAsync(owner, id);
        await PollAsync(async () => await App.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == id && b.Status == BroadcastStatus.Completed)), 60, "completed");

        Assert.DoesNotContain("data-star-cost", draft);
        var sends = Bot.CallsOf("sendMessage").Where(c => c.Text == "<b>Gratis</b> untuk semua").ToList();
        Assert.Equal(12, sends.Count);
        Assert.All(sends, c => Assert.NotEqual("true", c.Str("allow_paid_broadcast")?.ToLowerInvariant()));
        Assert.False(await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.Paid).SingleAsync()));
    }

    [Fact]
    public async Task PaidBroadcasts_TurnedOnByTheOwner_DraftShowsStarCostAndOnlyBroadcastSendsCarryTheFlag()
    {
        await SeedBuyersAsync(30);
        var owner = await EnglishOwnerAsync();
        using var saved = await owner.PostFormAsync("/admin/settings", SettingsForm(paid: true, rate: "500"));
        Assert.Contains("Settings saved.", await owner.FollowAsync(saved));
        var id = await CreateDraftAsync(owner, "<b>Promo</b> kilat");

        var draft = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        await SendAsync(owner, id);
        await PollAsync(async () => await App.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == id && b.Status == BroadcastStatus.Completed)), 60, "completed");
        await DeliverMarkerAsync("not a broadcast");

        Assert.Contains("data-star-cost=\"3.0\"", draft); // 30 buyers × 0.1 Star
        Assert.Contains("about 3 Stars", draft);
        Assert.Contains("at 500 messages per second.", draft);
        var sends = Bot.CallsOf("sendMessage").Where(c => c.Text == "<b>Promo</b> kilat").ToList();
        Assert.Equal(30, sends.Count);
        Assert.All(sends, c => Assert.Equal("true", c.Str("allow_paid_broadcast")?.ToLowerInvariant()));
        var other = Assert.Single(Bot.CallsOf("sendMessage"), c => c.Text == "not a broadcast");
        Assert.Null(other.Str("allow_paid_broadcast"));
        Assert.True(await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.Paid).SingleAsync()));
    }

    private static (string, string)[] SettingsForm(bool paid, string rate) =>
    [
        ("Input.StoreName", "Toko Digital"), ("Input.InvoiceExpiryMinutes", "15"), ("Input.DepositMin", "10000"), ("Input.DepositMax", "5000000"),
        ("Input.SpamMaxActions", "30"), ("Input.SpamWindowSeconds", "10"), ("Input.LowStockThreshold", "5"), ("Input.SendRatePerSecond", "28"),
        ("Input.ContactUsername", ""), ("Input.ProofRetentionDays", "90"), ("Input.BackupRetentionDays", "7"),
        ("Input.PaidBroadcasts", paid ? "true" : "false"), ("Input.PaidBroadcastRatePerSecond", rate),
    ];
}
