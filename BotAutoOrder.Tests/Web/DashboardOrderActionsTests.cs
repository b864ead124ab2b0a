using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The order detail actions, on orders created by a real QRIS checkout through the bot (Live Pakasir double).</summary>
public abstract class DashboardOrderActionsTests(DatabaseProvider provider) : BuyingDashboardTestBase(provider)
{
    private const string Delivery = "Pembayaran diterima";

    private static Task<HttpResponseMessage> Act(DashboardClient client, long orderId, string handler, string? note = "dibayar via transfer", bool confirmed = true)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (note is not null) fields.Add(new("Input.Note", note));
        if (confirmed) fields.Add(new("Input.Confirmed", "true"));
        return client.PostFormAsync($"/admin/orders/{orderId}?handler={handler}", fields);
    }

    private int Deliveries(long buyer) => Bot.CallsOf("sendMessage", buyer).Count(c => c.Text?.Contains(Delivery) == true);

    private Task<OrderStatus> StatusAsync(long orderId) => App.QueryAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync());

    private Task<int> AuditCountAsync(string action, long orderId) => App.QueryAsync(db =>
        db.AuditEntries.CountAsync(a => a.Action == action && a.EntityId == orderId.ToString() && a.Actor == OwnerActor));

    private Task OutboxDrainedAsync() => EventuallyAsync(async () =>
        await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, "outbox drained");

    private async Task<(long Buyer, long ProductId, Order Order)> OpenOrderAsync(long buyer, string code)
    {
        var productId = await SeedProductAsync(code, "Netflix " + code, 15_000, items: 2);
        return (buyer, productId, await CheckoutQrisAsync(buyer, productId));
    }

    /// <summary>
    /// Issue 10 item 1: mark paid cancels the QRIS at the gateway first; a payment that still gets through is not lost:
    /// it becomes a balance credit of what the buyer paid, a reconciliation item, and notices to buyer and admins.
    /// </summary>
    [Fact]
    public async Task MarkPaid_WithNote_FulfilsOnceCancelsAtTheGatewayAndCreditsALatePayment()
    {
        var owner = await OwnerAsync();
        var (buyer, productId, order) = await OpenOrderAsync(31_001, "MP1");
        // The buyer paid the QRIS just now (the poller asked a moment earlier); the admin, seeing a transfer, marks it paid.
        await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, DateTime.UtcNow)));
        Pakasir.SetStatus(order.InvoiceCode, BotAutoOrder.Domain.Payments.PaymentStatus.Completed);

        var page = await owner.FollowAsync(await Act(owner, order.Id, "MarkPaid"));

        Assert.Contains("Pesanan ditandai lunas", page);
        Assert.Equal(OrderStatus.Paid, await StatusAsync(order.Id));
        Assert.Single(Pakasir.CallsTo("cancel-transaction")); // tried first; Pakasir keeps a paid transaction paid
        Assert.Equal(BotAutoOrder.Domain.Payments.PaymentStatus.Completed, Pakasir.Find(order.InvoiceCode)!.Status);
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.OrderId == order.Id && s.Status == StockItemStatus.Sold)));
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Text!.Contains(Delivery), what: "delivery");
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrderMarkedPaid, order.Id));

        using var webhook = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false); // its webhook arrives

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.BalanceEntries.AnyAsync()), "credited");
        await OutboxDrainedAsync();
        Assert.Equal(1, Deliveries(buyer));
        Assert.Equal(1, await SoldCountAsync(productId));
        Assert.Equal(1, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.OrderDelivery)));
        var paid = Pakasir.Find(order.InvoiceCode)!.TotalPayment;
        var entry = await App.QueryAsync(db => db.BalanceEntries.SingleAsync());
        Assert.Equal(BalanceEntryKind.LatePaymentCredit, entry.Kind);
        Assert.Equal(paid, entry.Amount); // what the buyer paid, fee included (the default setting)
        Assert.Equal(BotAutoOrder.Domain.Payments.PaymentIssueKind.PaidTwice, await App.QueryAsync(db => db.PaymentIssues.Select(i => i.Kind).SingleAsync()));
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Pembayaran ganda") == true, what: "admins told");
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("sudah lunas dengan cara lain") == true, what: "buyer told");
    }

    [Fact]
    public async Task MarkPaid_Twice_SecondIsRefusedWithAClearMessage()
    {
        var (buyer, _, order) = await OpenOrderAsync(31_002, "MP2");
        var owner = await OwnerAsync();
        await owner.FollowAsync(await Act(owner, order.Id, "MarkPaid"));

        var second = await owner.FollowAsync(await Act(owner, order.Id, "MarkPaid", "lagi"));

        Assert.Contains("Ditolak: status pesanan Lunas", second);
        Assert.Contains("status error", second);
        await OutboxDrainedAsync();
        Assert.Equal(1, Deliveries(buyer));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrderMarkedPaid, order.Id));
    }

    [Fact]
    public async Task MarkPaid_WithoutNote_IsAValidationErrorAndChangesNothing()
    {
        var (buyer, _, order) = await OpenOrderAsync(31_003, "MP3");
        var owner = await OwnerAsync();

        using var response = await Act(owner, order.Id, "MarkPaid", note: "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the page again, with the error next to the form
        Assert.Contains("Catatan wajib diisi.", await response.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.PendingPayment, await StatusAsync(order.Id));
        Assert.Equal(0, await SoldCountAsync(order.Lines[0].ProductId));
        Assert.Null(await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).Select(p => p.AppliedAtUtc).SingleAsync()));
        Assert.Equal(0, Deliveries(buyer));
        Assert.Equal(0, await AuditCountAsync(AuditActions.OrderMarkedPaid, order.Id));
    }

    [Fact]
    public async Task EveryAction_WithoutConfirmation_ChangesNothing()
    {
        var (buyer, _, open) = await OpenOrderAsync(31_004, "NC1");
        var owner = await OwnerAsync();
        foreach (var handler in new[] { "MarkPaid", "Cancel" })
        {
            using var r = await Act(owner, open.Id, handler, confirmed: false);
            Assert.Contains("Centang", await r.Content.ReadAsStringAsync());
        }
        Assert.Equal(OrderStatus.PendingPayment, await StatusAsync(open.Id));
        Assert.Empty(Pakasir.CallsTo("cancel"));

        await owner.FollowAsync(await Act(owner, open.Id, "MarkPaid"));
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Text!.Contains(Delivery), what: "delivery");
        foreach (var handler in new[] { "Resend", "Refund" })
        {
            using var r = await Act(owner, open.Id, handler, confirmed: false);
            Assert.Contains("Centang", await r.Content.ReadAsStringAsync());
        }
        await OutboxDrainedAsync();
        Assert.Equal(OrderStatus.Paid, await StatusAsync(open.Id));
        Assert.Equal(1, Deliveries(buyer));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrderResent || a.Action == AuditActions.OrderRefunded)));
    }

    [Fact]
    public async Task Cancel_PendingOrder_ClosesItReleasesStockAndCancelsAtTheGateway()
    {
        var (_, productId, order) = await OpenOrderAsync(31_005, "CN1");
        var owner = await OwnerAsync();
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Reserved)));

        var page = await owner.FollowAsync(await Act(owner, order.Id, "Cancel", note: "pembeli minta batal"));

        Assert.Contains("Invoice dibatalkan", page);
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(order.Id));
        Assert.Equal(2, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Available)));
        Assert.Single(Pakasir.CallsTo("cancel-transaction"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrderCancelled, order.Id));
        Assert.Contains("pembeli minta batal", await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.OrderCancelled).Select(a => a.Details).SingleAsync()));
        Assert.DoesNotContain("handler=Cancel", page); // no longer offered
    }

    [Fact]
    public async Task Refund_CreditsTheBalanceOnce_AndASecondRefundIsRefused()
    {
        var (buyer, _, order) = await OpenOrderAsync(31_006, "RF1");
        var owner = await OwnerAsync();
        await owner.FollowAsync(await Act(owner, order.Id, "MarkPaid"));

        using var noNote = await Act(owner, order.Id, "Refund", note: "");
        Assert.Contains("Catatan wajib diisi.", await noNote.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.Paid, await StatusAsync(order.Id));

        var page = await owner.FollowAsync(await Act(owner, order.Id, "Refund", "produk bermasalah"));
        Assert.Contains("Dana dikembalikan ke saldo pembeli.", page);
        var again = await owner.FollowAsync(await Act(owner, order.Id, "Refund", "lagi"));
        Assert.Contains("Ditolak: status pesanan Dikembalikan", again);

        Assert.Equal(OrderStatus.Refunded, await StatusAsync(order.Id));
        var customer = await App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == buyer));
        Assert.Equal(order.Total, customer.Balance);
        var entry = await App.QueryAsync(db => db.BalanceEntries.SingleAsync(e => e.CustomerId == customer.Id));
        Assert.Equal(BalanceEntryKind.Refund, entry.Kind);
        Assert.Equal(order.Total, entry.Amount);
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrderRefunded, order.Id));
    }

    [Fact]
    public async Task Resend_PaidOrder_SendsTheDeliveryAgain()
    {
        var (buyer, _, order) = await OpenOrderAsync(31_007, "RS1");
        var owner = await OwnerAsync();
        using var early = await Act(owner, order.Id, "Resend");
        Assert.Contains("Ditolak", await owner.FollowAsync(early)); // not paid yet
        await owner.FollowAsync(await Act(owner, order.Id, "MarkPaid"));
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Text!.Contains(Delivery), what: "first delivery");

        var page = await owner.FollowAsync(await Act(owner, order.Id, "Resend", note: null));

        Assert.Contains("Pengiriman ulang dijadwalkan.", page);
        await EventuallyAsync(() => Task.FromResult(Deliveries(buyer) == 2), "second delivery");
        Assert.Equal(1, await AuditCountAsync(AuditActions.OrderResent, order.Id));
    }
}

public sealed class DashboardOrderActionsPostgresTests() : DashboardOrderActionsTests(DatabaseProvider.Postgres);

public sealed class DashboardOrderActionsSqliteTests() : DashboardOrderActionsTests(DatabaseProvider.Sqlite);
