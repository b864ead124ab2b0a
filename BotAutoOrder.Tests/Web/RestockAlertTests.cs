using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Restock;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Restock alerts (ADR-021): "🔔 Kabari saya" on a sold-out product; stock added → each subscriber told once through the
/// bulk lane, within the send rate. Asserts a rate, so it runs in the timing-sensitive collection.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public abstract class RestockAlertTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    private const int Rate = 25;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Shop:SendRatePerSecond"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Restock_FiveHundredSubscribers_EachToldOnceWithinTheBulkRateAndUnsubscribed()
    {
        var productId = await SeedProductAsync("VPN", "VPN Premium", 15_000, items: 0);
        const long bellPresser = 43_000;
        await SendAsync(bellPresser, "/start");
        await ClickAsync(bellPresser, $"p:{productId}:1");
        var soldOut = Bot.CallsOf("editMessageText", bellPresser).Concat(Bot.CallsOf("sendMessage", bellPresser)).Last(c => c.Text?.Contains("VPN Premium") == true);
        Assert.Contains($"rst:{productId}", soldOut.CallbackDatas());
        await ClickAsync(bellPresser, $"rst:{productId}");
        await ClickAsync(bellPresser, $"rst:{productId}"); // twice: still one subscription
        Assert.Contains("dikabari", Bot.CallsOf("answerCallbackQuery").Last(c => c.Str("text") is not null).Str("text"));
        const long firstChat = 7_300_000;
        await SubscribeManyAsync(productId, firstChat, 499);
        Assert.Equal(500, await WaitingAsync(productId));

        await ImportAsync(productId, "vpn-1:rahasia", "vpn-2:rahasia");
        await EventuallyAsync(() => Task.FromResult(Alerts().Count >= 500), "500 restock alerts", seconds: 60);
        var alerts = Alerts();
        Assert.Equal(500, alerts.Count);
        Assert.Equal(500, alerts.Select(c => c.ChatId).Distinct().Count()); // once each
        Assert.Contains(alerts, c => c.ChatId == bellPresser);
        Assert.All(alerts, c => Assert.Contains($"p:{productId}:1", c.CallbackDatas()));
        // The bucket allows rate + burst per sliding second (ADR-008); the double stamps arrival times, which jitter, so
        // the hard bound is Telegram's 30/s (as in BroadcastTests) and the average must not beat the configured rate.
        var maxInSecond = TelegramLimits.MaxInAnySecond(alerts.Select(c => c.At));
        var span = (alerts.Max(c => c.At) - alerts.Min(c => c.At)).TotalSeconds;
        var average = (alerts.Count - 1) / span;
        Assert.True(maxInSecond <= TelegramLimits.PerSecond, $"{maxInSecond} alerts within one second (rate {Rate}/s)");
        Assert.True(average <= Rate * 1.05, $"500 alerts at {average:F1}/s over {span:F1} s, above the rate {Rate}/s (max {maxInSecond} in a second)");
        Assert.Equal(0, await WaitingAsync(productId));
        Assert.True(await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == "restock.alert").AllAsync(m => m.Lane == (int)BotAutoOrder.Domain.Messaging.OutboxLane.Bulk)));

        // More stock later tells nobody again: the subscriptions ended.
        await ImportAsync(productId, "vpn-3:rahasia");
        Assert.Equal(500, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "restock.alert")));
    }

    [Fact]
    public async Task AlertForAProductSoldOutAgain_IsNotSent_AndTheBuyerWaitsForTheNextRestock()
    {
        var productId = await SeedProductAsync("VPX", "VPN Lite", 15_000, items: 0);
        const long chat = 7_390_001;
        await SubscribeManyAsync(productId, chat, 1);
        // The alert a restock queued, reaching its turn after the few new items were already bought again.
        await App.QueryAsync(async db =>
        {
            db.Database.ExecuteSqlRaw("DELETE FROM restock_subscriptions"); // the restock ended it, as QueueAlertsAsync does
            db.OutboxMessages.Add(new BotAutoOrder.Domain.Messaging.OutboxMessage(chat, "restock.alert",
                System.Text.Json.JsonSerializer.Serialize(new BotAutoOrder.Domain.Messaging.RestockPayload(productId)), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == "restock.alert"
            && m.Status == BotAutoOrder.Domain.Messaging.OutboxStatus.Failed)), "the alert settled");

        Assert.Empty(Bot.CallsOf("sendMessage", chat));
        Assert.Equal(1, await WaitingAsync(productId)); // subscribed again: told when stock really is there
    }

    private List<BotApiCall> Alerts() => Bot.CallsOf("sendMessage").Where(c => c.Text?.Contains("tersedia lagi") == true).ToList();

    private Task<int> WaitingAsync(long productId) => App.QueryAsync(db => db.RestockSubscriptions.CountAsync(s => s.ProductId == productId));

    private async Task ImportAsync(long productId, params string[] lines)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StockImportService>().ImportAsync(productId, lines, "admin:test", CancellationToken.None);
        Assert.Equal(lines.Length, result.Added);
    }

    private Task SubscribeManyAsync(long productId, long firstChat, int count) => App.QueryAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var customers = Enumerable.Range(0, count).Select(i => new Customer(firstChat + i, $"Pembeli{i}", null, null, "id", now)).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        db.RestockSubscriptions.AddRange(customers.Select(c => new RestockSubscription(productId, c.Id, now)));
        return await db.SaveChangesAsync();
    });
}

public sealed class RestockAlertPostgresTests() : RestockAlertTests(DatabaseProvider.Postgres);

public sealed class RestockAlertSqliteTests() : RestockAlertTests(DatabaseProvider.Sqlite);
