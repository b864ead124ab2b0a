using System.Text.Json;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Two app instances on one PostgreSQL (the production shape): background work happens once.</summary>
public sealed class MultiInstanceTests() : BuyingTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Outbox_TwoInstances_SendEachMessageOnce()
    {
        await using var second = new ShopApp(App.Database, Bot, Settings);
        second.Start();
        var ids = await App.QueryAsync(async db =>
        {
            var rows = Enumerable.Range(0, 40).Select(i => new OutboxMessage(41_000 + i, OutboxKinds.Text,
                JsonSerializer.Serialize(new TextPayload($"Pesan {i}")), DateTime.UtcNow)).ToList();
            db.OutboxMessages.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });

        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sent)) == 40,
            "all 40 sent", seconds: 30);

        for (var i = 0; i < 40; i++) Assert.Single(Bot.CallsOf("sendMessage", 41_000 + i));
    }

    [Fact]
    public async Task ExpiryAndLatePayment_TwoInstances_EachHappensOnce()
    {
        await using var second = new ShopApp(App.Database, Bot, Settings);
        var secondClient = second.Start();
        var productId = await SeedProductAsync("MI", "Multi", 7_000, items: 2);
        const long buyer = 42_001;
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"add:{productId}:1");
        await ClickAsync(buyer, "pay:q");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, what: "QR");
        var order = await LatestOrderAsync(buyer);
        Pakasir.CancelUnavailable = true; // the expiry's cancel does not reach the gateway, so the buyer can still pay
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));

        await EventuallyAsync(async () => (await LatestOrderAsync(buyer)).Status == OrderStatus.Expired, "expired");
        await Pakasir.PayAsync(order.InvoiceCode, new Uri(secondClient.BaseAddress!, "/webhooks/pakasir"), PakasirSecret, v1Shape: false);
        await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true, what: "late delivery");
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Text!.Contains("Pembayaran diterima"));
        Assert.Single(Bot.CallsOf("editMessageCaption", buyer), c => c.Text!.Contains("Kedaluwarsa"));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrderExpired)));
    }
    /// <summary>
    /// Issue 10 item 7: the payment gate under real concurrency. Webhooks go to both instances at once; the gateway
    /// answers both status calls at the same instant, so both instances hold a "completed" answer together and reach the
    /// <c>AppliedAtUtc IS NULL</c> update — the in-process lock of each instance cannot help, only the database can.
    /// </summary>
    [Fact]
    public async Task TwoInstances_WebhooksAtBothAtOnce_ThePaymentIsAppliedOnce()
    {
        await using var second = new ShopApp(App.Database, Bot, Settings);
        var secondClient = second.Start();
        var productId = await SeedProductAsync("RACE", "Race", 9_000, items: 3);
        const long buyer = 42_002;
        var order = await CheckoutQrisAsync(buyer, productId);
        var txn = Pakasir.Find(order.InvoiceCode)!;
        Pakasir.StatusBarrier = 2; // one status call from each instance, answered at the same instant
        Pakasir.SetStatus(order.InvoiceCode, BotAutoOrder.Domain.Payments.PaymentStatus.Completed);
        var body = new { txn_id = txn.TxnId, order_id = order.InvoiceCode, amount = order.Total, status = "completed", is_sandbox = false };

        var webhooks = new[] { Client, secondClient }.SelectMany(client => Enumerable.Range(0, 5).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/pakasir") { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("X-Secret", PakasirSecret);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        })).ToList();
        var codes = await Task.WhenAll(webhooks);

        Assert.All(codes, c => Assert.Equal(System.Net.HttpStatusCode.OK, c));
        Assert.True(Pakasir.CallsTo("transaction-status").Count >= 2, "both instances asked the gateway");
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PaymentApplied)));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.PaymentIssues.CountAsync()));
        Assert.Equal(1, await SoldCountAsync(productId));
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true, what: "delivery");
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Text!.Contains("Pembayaran diterima"));
    }
}
