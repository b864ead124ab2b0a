using System.Net;
using System.Text.Json;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>Issue 10: the paths where money or goods went missing silently — each ends in goods, a credit or a decision.</summary>
public abstract class PaymentHolesTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    private const string Delivered = "Pembayaran diterima";

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task OutboxDrainedAsync() => EventuallyAsync(async () =>
        await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= DateTime.UtcNow.AddSeconds(1))) == 0,
        "outbox drained");

    [Fact]
    public async Task RefundWhileTheDeliveryIsHeldBack_CancelsTheDelivery_AndTheSenderRefusesALaterOne()
    {
        var productId = await SeedProductAsync("RFD", "Spotify", 11_000, items: 2);
        const long buyer = 50_001;
        var order = await CheckoutQrisAsync(buyer, productId);
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(3), buyer); // Telegram holds the delivery back (a 429 pauses all sending)

        var paid = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Kind == OutboxKinds.OrderDelivery && m.ChatId == buyer && m.LastError != null && m.Status == OutboxStatus.Pending)), "delivery held back by 429");

        var refund = await InScopeAsync(sp => sp.GetRequiredService<OrderAdminService>().RefundToBalanceAsync(order.Id, "tidak jadi", "admin:test", CancellationToken.None));

        Assert.Equal(OrderAdminOutcome.Done, refund.Outcome);
        var delivery = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.OrderDelivery));
        Assert.Equal(OutboxStatus.Failed, delivery.Status);
        Assert.StartsWith(OrderDeliveryRules.NotPaidPrefix, delivery.LastError);

        // A delivery queued anyway (a stale resend) is refused by the sender, not rendered.
        var stale = await App.QueryAsync(async db =>
        {
            var row = new OutboxMessage(buyer, OutboxKinds.OrderDelivery, JsonSerializer.Serialize(new OrderPayload(order.Id, "resend")), DateTime.UtcNow);
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == stale && m.Status == OutboxStatus.Failed)), "stale delivery refused");
        Assert.StartsWith(OrderDeliveryRules.NotPaidPrefix, await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == stale).Select(m => m.LastError).SingleAsync()));
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("dikembalikan") == true, what: "refund notice");
        // Only the attempt Telegram answered 429 carried the items; nothing was delivered after it.
        Assert.Single(Bot.Calls, c => c.ChatId == buyer && c.Text?.Contains(Delivered) == true);
        Assert.Equal(order.Total, await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Balance).SingleAsync()));
    }

    [Fact]
    public async Task Payment_SoldDiffersFromOrdered_HeldAsAReconciliationItemUntilMarkPaidDecides()
    {
        var productId = await SeedProductAsync("SHT", "Youtube", 8_000, items: 3);
        const long buyer = 50_002;
        var order = await CheckoutQrisAsync(buyer, productId, quantity: 2);
        await App.QueryAsync(async db =>
        {
            var lost = await db.StockItems.Where(s => s.OrderId == order.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            return await db.StockItems.Where(s => s.Id == lost).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StockItemStatus.Available)
                .SetProperty(i => i.OrderId, (long?)null).SetProperty(i => i.ReservedAtUtc, (DateTime?)null)); // a reservation gone astray
        });

        var response = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(nameof(PaymentApplyOutcome.HeldForReview), await response.Content.ReadAsStringAsync());
        var issue = await App.QueryAsync(db => db.PaymentIssues.SingleAsync());
        Assert.Equal(PaymentIssueKind.FulfilmentFailed, issue.Kind);
        Assert.Equal(OrderStatus.Cancelled, (await LatestOrderAsync(buyer)).Status);
        Assert.NotNull(await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).Select(p => p.AppliedAtUtc).SingleAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
        Assert.Equal(3, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Available)));
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains(nameof(PaymentIssueKind.FulfilmentFailed)) == true, what: "admins told");
        // Reconciliation does not retry it forever: a second webhook is a duplicate.
        using var again = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        Assert.Contains(nameof(PaymentApplyOutcome.AlreadyApplied), await again.Content.ReadAsStringAsync());

        var decided = await InScopeAsync(sp => sp.GetRequiredService<OrderAdminService>().MarkPaidAsync(order.Id, "stok dicek", "admin:test", CancellationToken.None));

        Assert.Equal(OrderAdminOutcome.Done, decided.Outcome);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains(Delivered) == true, what: "delivery after the decision");
        Assert.Equal(2, await SoldCountAsync(productId));
    }

    [Fact]
    public async Task BuyerCancelsAfterPaying_ThePaymentWins_AndTheItemsArrive()
    {
        var productId = await SeedProductAsync("CAP", "Vidio", 13_000, items: 1);
        const long buyer = 50_003;
        var order = await CheckoutQrisAsync(buyer, productId);
        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed); // paid; the webhook is slow

        await ClickAsync(buyer, $"cx:{order.Id}");

        Assert.Single(Pakasir.CallsTo("cancel-transaction"));
        Assert.Equal(PaymentStatus.Completed, Pakasir.Find(order.InvoiceCode)!.Status); // Pakasir keeps a paid transaction paid
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains(Delivered) == true, TimeSpan.FromSeconds(30), "the items arrive");
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync(buyer)).Status);
        Assert.Equal(1, await SoldCountAsync(productId));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
    }

    [Fact]
    public async Task MarkPaidThenTheBuyerPaysToo_CancelsAtTheGatewayFirst_AndCreditsTheOrderAmountWhenSoSet()
    {
        await InScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { LateCreditTotalPayment = false }, "owner:test", CancellationToken.None);
            return 0;
        });
        var productId = await SeedProductAsync("MPT", "Zoom", 20_000, items: 2);
        const long buyer = 50_004;
        var order = await CheckoutQrisAsync(buyer, productId);
        // The buyer paid the QRIS just now (the poller asked a moment earlier); the admin, seeing a transfer, marks it paid.
        await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, DateTime.UtcNow)));
        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed);

        var marked = await InScopeAsync(sp => sp.GetRequiredService<OrderActions>().RunAsync(OrderAction.MarkPaid, order.Id, "transfer BCA", "admin:test", CancellationToken.None));

        Assert.Equal(OrderAdminOutcome.Done, marked.Outcome);
        Assert.Single(Pakasir.CallsTo("cancel-transaction")); // tried first; Pakasir keeps a paid transaction paid
        using var webhook = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false); // its webhook arrives
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.BalanceEntries.AnyAsync()), "credited");
        var customer = await App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == buyer));
        Assert.Equal(order.Total, customer.Balance); // the setting says: credit the order amount, not total_payment
        Assert.Equal(PaymentIssueKind.PaidTwice, await App.QueryAsync(db => db.PaymentIssues.Select(i => i.Kind).SingleAsync()));
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("sudah lunas dengan cara lain") == true && c.Text.Contains(Rupiah.Display(order.Total)),
            what: "buyer told");
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Pembayaran ganda") == true, what: "admins told");
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Text!.Contains(Delivered));
    }

    /// <summary>
    /// Item 6: the same buyer checks out twice at once (two taps on two instances) with a voucher limited to one use per
    /// buyer: one order, one redemption — the cart is claimed and the voucher re-checked inside the transaction.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SameBuyerTwoCheckoutsAtOnce_OneOrder_VoucherRedeemedOnce(bool withVoucher)
    {
        var productId = await SeedProductAsync("TWO", "Twice", 10_000, items: 10);
        const long buyer = 50_006;
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        await App.QueryAsync(async db =>
        {
            var v = new BotAutoOrder.Domain.Vouchers.Voucher("SEKALI", BotAutoOrder.Domain.Vouchers.VoucherKind.Flat, 2_000, DateTime.UtcNow);
            v.Update(BotAutoOrder.Domain.Vouchers.VoucherKind.Flat, 2_000, 0, null, null, usesPerBuyer: 1, null, null, true);
            db.Vouchers.Add(v);
            return await db.SaveChangesAsync();
        });
        await InScopeAsync(async sp =>
        {
            var carts = sp.GetRequiredService<BotAutoOrder.Domain.Carts.CartService>();
            await carts.AddAsync(customerId, productId, 1, CancellationToken.None);
            return withVoucher ? (await carts.ApplyVoucherAsync(customerId, "SEKALI", CancellationToken.None)).Verdict.ToString() : "";
        });
        using var start = new ManualResetEventSlim();

        var checkouts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<CheckoutService>();
            start.Wait();
            return await service.CheckoutAsync(customerId, PaymentMethod.Qris, "qris", CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(checkouts);

        Assert.Single(results, r => r.Outcome == CheckoutOutcome.Created);
        Assert.Equal(1, await App.QueryAsync(db => db.Orders.CountAsync(o => o.CustomerId == customerId)));
        Assert.Equal(withVoucher ? 1 : 0, await App.QueryAsync(db => db.VoucherRedemptions.CountAsync()));
        Assert.Equal(withVoucher ? 1 : 0, await App.QueryAsync(db => db.Vouchers.Select(v => v.UsedCount).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Reserved)));
    }

    /// <summary>
    /// Item 9 (partial sweep): the money and gateway state changes of one shop day each leave an audit entry with
    /// actor and time — including the gateway-driven ones (expiry shortened to the gateway's, status closed by it).
    /// </summary>
    [Fact]
    public async Task MoneyAndGatewayStateChanges_AreAllAudited_WithActorAndTime()
    {
        await InScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { InvoiceExpiryMinutes = 120 }, "owner:test", CancellationToken.None);
            return 0;
        });
        var productId = await SeedProductAsync("AUD", "Audit", 12_000, items: 3);
        const long buyer = 50_007, other = 50_008;
        var paidOrder = await CheckoutQrisAsync(buyer, productId); // the gateway's 30 min expiry shortens our 120
        await Pakasir.PayAsync(paidOrder.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        await InScopeAsync(sp => sp.GetRequiredService<OrderAdminService>().RefundToBalanceAsync(paidOrder.Id, "rusak", "admin:test", CancellationToken.None));
        var closedOrder = await CheckoutQrisAsync(other, productId);
        Pakasir.SetStatus(closedOrder.InvoiceCode, PaymentStatus.Expired); // closed at the gateway; the poller notices

        await EventuallyAsync(async () => await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PaymentStatusChanged)), "gateway status audited");
        var entries = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        foreach (var action in new[] { AuditActions.SettingsChanged, AuditActions.OrderCreated, AuditActions.PaymentExpiryShortened, AuditActions.PaymentApplied, AuditActions.OrderPaid, AuditActions.OrderRefunded, AuditActions.PaymentStatusChanged })
        {
            var entry = entries.FirstOrDefault(e => e.Action == action);
            Assert.True(entry is not null, $"no audit entry for {action}");
            Assert.False(string.IsNullOrWhiteSpace(entry.Actor), action);
            Assert.True(entry.AtUtc > DateTime.UtcNow.AddMinutes(-5), action);
        }
        Assert.Equal(BotAutoOrder.Domain.Audit.AuditLog.Gateway, entries.First(e => e.Action == AuditActions.PaymentStatusChanged).Actor);
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.PaymentExpiryShortened));
    }

    /// <summary>
    /// The gate itself, without the in-process per-payment lock: eight parallel calls of the service, each in its own
    /// scope and connection, all past the early "already applied?" read before any commits.
    /// </summary>
    [Fact]
    public async Task ParallelApplyCalls_RaceTheDatabaseGate_AndApplyOnce()
    {
        var productId = await SeedProductAsync("GATE", "Gate", 9_000, items: 4);
        const long buyer = 50_005;
        var order = await CheckoutQrisAsync(buyer, productId);
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<PaymentService>();
            start.Wait();
            var payment = await App.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.GatewayOrderId == order.InvoiceCode));
            return await service.ApplyCompletedAsync(payment, order.Total, DateTime.UtcNow, $"system:race{i}", "{}", CancellationToken.None);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes, o => o.Outcome == PaymentApplyOutcome.Fulfilled);
        Assert.All(outcomes, o => Assert.Contains(o.Outcome, new[] { PaymentApplyOutcome.Fulfilled, PaymentApplyOutcome.AlreadyApplied }));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PaymentApplied)));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.PaymentIssues.CountAsync()));
        Assert.Equal(1, await SoldCountAsync(productId));
    }
}

public sealed class PaymentHolesPostgresTests() : PaymentHolesTests(DatabaseProvider.Postgres);

public sealed class PaymentHolesSqliteTests() : PaymentHolesTests(DatabaseProvider.Sqlite);
