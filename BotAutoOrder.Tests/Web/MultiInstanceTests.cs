using System.Text.Json;
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
    public async Task TwoInstances_SendEachOutboxMessageOnce()
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
    public async Task TwoInstances_ExpireAnOrderOnceAndDeliverALatePaymentOnce()
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
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));

        await EventuallyAsync(async () => (await LatestOrderAsync(buyer)).Status == OrderStatus.Expired, "expired");
        await Pakasir.PayAsync(order.InvoiceCode, new Uri(secondClient.BaseAddress!, "/webhooks/pakasir"), PakasirSecret, v1Shape: false);
        await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true, what: "late delivery");
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Text!.Contains("Pembayaran diterima"));
        Assert.Single(Bot.CallsOf("editMessageCaption", buyer), c => c.Text!.Contains("Kedaluwarsa"));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "order.expired")));
    }
}
