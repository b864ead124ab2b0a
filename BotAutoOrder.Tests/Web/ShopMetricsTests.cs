using System.Globalization;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotAutoOrder.Tests.Web;

/// <summary>The botautoorder_… metrics on /metrics move when their events happen.</summary>
public sealed partial class ShopMetricsTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    // No background reconciliation: each confirmation below comes from exactly the path the test drives.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Workers:ReconcileIntervalSeconds"] = "3600" };

    private const string Confirmations = "botautoorder_payment_confirmations_total";
    private const string Delivered = "botautoorder_payment_to_delivery_seconds_count";

    [Fact]
    public async Task PaymentConfirmations_CountedPerSource_WithGatewayCallsAndPaymentToDelivery()
    {
        var productId = await SeedProductAsync("CNF", "Konfirmasi", 10_000, items: 10);
        var start = await ScrapeAsync();
        foreach (var source in new[] { "webhook", "poll", "click", "admin" }) Assert.Equal(0, start[$"{Confirmations}{{source=\"{source}\"}}"]);

        // Webhook: the gateway notifies, the confirmer asks the status API and applies.
        var byWebhook = await CheckoutQrisAsync(80_010, productId);
        var created = await ScrapeAsync();
        Assert.True(Value(created, "botautoorder_gateway_request_duration_seconds_count{operation=\"create\"}") >= 1);
        await Pakasir.PayAsync(byWebhook.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        await EventuallyAsync(async () => Value(await ScrapeAsync(), Delivered) >= 1, "payment→delivery observed for the webhook order");
        var afterWebhook = await ScrapeAsync();
        Assert.Equal(1, afterWebhook[$"{Confirmations}{{source=\"webhook\"}}"]);
        Assert.True(Value(afterWebhook, "botautoorder_gateway_request_duration_seconds_count{operation=\"status\"}") >= 1);

        // Poll (what the reconciliation and expiry workers call): first the gateway fails, counted as an error.
        var byPoll = await CheckoutQrisAsync(80_011, productId);
        var confirmer = App.Services.GetRequiredService<PaymentConfirmer>();
        var errorsBefore = Value(await ScrapeAsync(), "botautoorder_gateway_errors_total{operation=\"status\"}");
        Pakasir.FailNext(500, times: 3);
        Assert.Equal(ConfirmationStatus.GatewayUnavailable, (await confirmer.ConfirmAsync(byPoll.InvoiceCode, AuditLog.Job("reconcile"), CancellationToken.None)).Status);
        Assert.Equal(errorsBefore + 1, Value(await ScrapeAsync(), "botautoorder_gateway_errors_total{operation=\"status\"}"));
        Pakasir.SetStatus(byPoll.InvoiceCode, PaymentStatus.Completed);
        Assert.Equal(ConfirmationStatus.Applied, (await confirmer.ConfirmAsync(byPoll.InvoiceCode, AuditLog.Job("reconcile"), CancellationToken.None)).Status);

        // Click: the buyer's "check status" button.
        var byClick = await CheckoutQrisAsync(80_012, productId);
        Pakasir.SetStatus(byClick.InvoiceCode, PaymentStatus.Completed);
        await ClickAsync(80_012, $"st:{byClick.Id}");

        // Admin: "Mark paid" on the dashboard's order page.
        var byAdmin = await CheckoutQrisAsync(80_013, productId);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(OrderAdminOutcome.Done, (await scope.ServiceProvider.GetRequiredService<OrderActions>()
                .RunAsync(OrderAction.MarkPaid, byAdmin.Id, "paid by bank transfer", "admin:owner@example.com", CancellationToken.None)).Outcome);

        await EventuallyAsync(async () => Value(await ScrapeAsync(), Delivered) >= 4, "payment→delivery observed for all four orders");
        var end = await ScrapeAsync();
        foreach (var source in new[] { "webhook", "poll", "click", "admin" }) Assert.Equal(1, end[$"{Confirmations}{{source=\"{source}\"}}"]);
        Assert.Equal(4, end["botautoorder_orders_paid_total"]);
        Assert.True(end["botautoorder_payment_to_delivery_seconds_sum"] >= 0);
    }

    [Fact]
    public async Task TelegramAnswers_OutboxLanesAndBroadcastProgress_Move()
    {
        await SendAsync(80_030, "/start");
        await SendAsync(80_031, "/start");
        var before = await ScrapeAsync();
        Assert.Equal(0, before["botautoorder_telegram_forbidden_total"]);
        Assert.Equal(0, before["botautoorder_telegram_rate_limited_total"]);
        Assert.Equal(0, before["botautoorder_outbox_lane_backlog{lane=\"Delivery\"}"]);
        Assert.Equal(0, before["botautoorder_broadcasts_running"]);

        // Through the one send path: a blocked chat (403) and a short flood wait (429, retried).
        var bot = App.Services.GetRequiredService<ITelegramBotClient>();
        Bot.FailNext("sendMessage", BotApiReply.Blocked(), chatId: 80_030);
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(80_030, "halo"));
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(1), chatId: 80_031);
        await bot.SendMessage(80_031, "halo");

        // A delivery waiting for its due time, and a broadcast half-way (1 of 2 reached; started now, so no worker resumes it).
        var customers = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == 80_030 || c.TelegramUserId == 80_031)
            .Select(c => new { c.Id, c.TelegramUserId }).ToListAsync());
        await App.QueryAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(80_030, OutboxKinds.OrderDelivery, "{\"OrderId\":0}", DateTime.UtcNow, dueAtUtc: DateTime.UtcNow.AddHours(1)));
            var broadcast = new Broadcast("<b>Promo</b>", null, null, BroadcastAudience.AllReachable, "admin:test", DateTime.UtcNow);
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync();
            foreach (var c in customers) db.BroadcastRecipients.Add(new BroadcastRecipient(broadcast.Id, c.Id, c.TelegramUserId));
            await db.SaveChangesAsync();
            await db.Broadcasts.Where(b => b.Id == broadcast.Id).ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.TotalRecipients, 2).SetProperty(b => b.StartedAtUtc, DateTime.UtcNow));
            return await db.BroadcastRecipients.Where(r => r.BroadcastId == broadcast.Id && r.ChatId == 80_031)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, BroadcastRecipientStatus.Sent));
        });

        var after = await ScrapeAsync();
        Assert.Equal(1, after["botautoorder_telegram_forbidden_total"]);
        Assert.Equal(1, after["botautoorder_telegram_rate_limited_total"]);
        Assert.Equal(1, after["botautoorder_outbox_lane_backlog{lane=\"Delivery\"}"]);
        Assert.Equal(1, after["botautoorder_broadcasts_running"]);
        Assert.Equal(2, after["botautoorder_broadcast_recipients_total"]);
        Assert.Equal(1, after["botautoorder_broadcast_recipients_sent"]);
    }

    private static double Value(Dictionary<string, double> scrape, string key) => scrape.GetValueOrDefault(key);

    [Fact]
    public async Task ShopMetrics_SalesStockAndReconciliation_MoveTheCounters()
    {
        var productId = await SeedProductAsync("MTR", "Metrik", 12_000, items: 3);
        var before = await ScrapeAsync();
        Assert.Equal(3, before["botautoorder_stock_available{product=\"MTR\"}"]);
        Assert.Equal(0, before["botautoorder_reconciliation_open"]);
        Assert.Contains("botautoorder_outbox_oldest_age_seconds", before.Keys);

        await BuyWithBalanceAsync(80_001, productId, 12_000, quantity: 2);
        await App.QueryAsync(async db =>
        {
            db.PaymentIssues.Add(new PaymentIssue(PaymentIssueKind.AmountMismatch, null, "TX-M1", 5_000, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var after = await ScrapeAsync();

        Assert.Equal(before["botautoorder_orders_paid_total"] + 1, after["botautoorder_orders_paid_total"]);
        Assert.Equal(before["botautoorder_revenue_rupiah_total"] + 24_000, after["botautoorder_revenue_rupiah_total"]);
        Assert.Equal(1, after["botautoorder_stock_available{product=\"MTR\"}"]);
        Assert.Equal(1, after["botautoorder_reconciliation_open"]);
    }

    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        var text = await Client.GetStringAsync("/metrics");
        Assert.Contains("# TYPE http_requests_received_total counter", text); // the default registry is still there
        return SampleLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(botautoorder_\S+) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
