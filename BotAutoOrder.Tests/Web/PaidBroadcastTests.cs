using System.Net;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// A paid broadcast on PostgreSQL against the Bot API double at a 150 ms round trip that holds free sends to 30 per
/// sliding second (429 above) and paid-broadcast sends to 1000: the broadcast goes well above the free limit without a
/// single 429, every broadcast send carries <c>allow_paid_broadcast</c>, and a purchase paid during it is still
/// delivered at once, without the flag (it is not a broadcast, and it must not cost Stars).
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class PaidBroadcastTests(ITestOutputHelper output) : BuyingTestBase(DatabaseProvider.Postgres)
{
    private const int PaidRate = 200;
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(150);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings)
        {
            ["Shop:SendRatePerSecond"] = "25",
            ["Workers:ReconcileIntervalSeconds"] = "3600", // see SendPathTests: no status poll racing the webhook
        };

    [Fact]
    public async Task PaidBroadcast_To1500BuyersAt150ms_GoesAboveTheFreeLimitAndAPurchaseDuringItIsDeliveredWithoutTheFlag()
    {
        const int buyers = 1500;
        const long firstChat = 7_600_000;
        const long buyer = 7_599_999;
        var productId = await SeedProductAsync("PBX", "Canva", 10_000, items: 1);
        var order = await CheckoutQrisAsync(buyer, productId);
        await SeedBuyersAsync(firstChat, buyers);
        await TurnOnPaidBroadcastsAsync();
        var limits = new TelegramLimits(_ => false);
        Bot.Responder = limits.Respond;
        Bot.RoundTrip = RoundTrip;
        const string marker = "Flash sale berbayar";

        var broadcastId = await StartBroadcastAsync($"<b>{marker}</b>");
        await EventuallyAsync(() => Task.FromResult(limits.Delivered(marker) >= 200), "paid broadcast under way", seconds: 60);
        var paidAt = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false)).StatusCode);
        var delivery = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true, TimeSpan.FromSeconds(30), "delivery");
        var deliveryLatency = delivery.At - paidAt;
        var broadcastLeft = buyers - limits.Delivered(marker);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == broadcastId && b.Status == BroadcastStatus.Completed)),
            "broadcast completed", seconds: 120);

        var sent = limits.Log.Where(r => r.Status == 200 && r.Text?.Contains(marker, StringComparison.Ordinal) == true && r.ChatId >= firstChat).ToList();
        var rate = (sent.Count - 1) / (sent.Max(r => r.At) - sent.Min(r => r.At)).TotalSeconds;
        var maxInSecond = TelegramLimits.MaxInAnySecond(sent.Select(r => r.At));
        var tooMany = limits.Log.Count(r => r.Status == 429);
        output.WriteLine($"paid broadcast to {buyers} at {RoundTrip.TotalMilliseconds} ms: {rate:F1} msg/s (paid rate {PaidRate}); max {maxInSecond} in a second; " +
                         $"{tooMany} answers 429; delivery {deliveryLatency.TotalMilliseconds:F0} ms after the webhook with {broadcastLeft} still queued");
        Assert.Equal(buyers, sent.Select(r => r.ChatId).Distinct().Count()); // none lost
        Assert.Equal(buyers, sent.Count); // none doubled
        Assert.All(sent, r => Assert.True(r.Paid, $"broadcast send to {r.ChatId} without allow_paid_broadcast"));
        Assert.Equal(0, tooMany);
        Assert.True(maxInSecond > 2 * TelegramLimits.PerSecond, $"at most {maxInSecond} paid sends in a second: not above the free limit");
        Assert.True(broadcastLeft > 0, "the purchase was not paid during the broadcast");
        Assert.True(deliveryLatency <= TimeSpan.FromSeconds(2), $"delivered {deliveryLatency.TotalMilliseconds:F0} ms after the webhook");
        Assert.DoesNotContain(limits.Log, r => r.ChatId == buyer && r.Paid && r.Text?.Contains(marker, StringComparison.Ordinal) != true);
    }

    private async Task TurnOnPaidBroadcastsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
        var current = await settings.GetAsync(CancellationToken.None);
        await settings.SaveAsync(current with { PaidBroadcasts = true, PaidBroadcastRatePerSecond = PaidRate }, "admin:test", CancellationToken.None);
    }

    private async Task SeedBuyersAsync(long firstChat, int count) =>
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Customers.AddRange(Enumerable.Range(0, count).Select(i => new Customer(firstChat + i, $"Buyer{i}", null, null, "id", now)));
            return await db.SaveChangesAsync();
        });

    private async Task<long> StartBroadcastAsync(string html)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var draft = await broadcasts.CreateDraftAsync(html, null, null, BroadcastAudience.AllReachable, "admin:test", CancellationToken.None);
        Assert.Equal(BroadcastOutcome.Done, draft.Outcome);
        Assert.Equal(BroadcastOutcome.Done, (await broadcasts.StartAsync(draft.Id!.Value, "admin:test", CancellationToken.None)).Outcome);
        return draft.Id.Value;
    }
}
