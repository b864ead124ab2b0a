using System.Net;
using System.Net.Http.Json;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Invariants 2–4: a payment applies at most once, only on the gateway's word, and is never lost. Run for Pakasir V2 and
/// for V1 (whose webhooks carry no <c>X-Secret</c>), both with <c>Pakasir:WebhookSecret</c> configured.
/// </summary>
public abstract class PaymentInvariantTests(DatabaseProvider provider, PakasirApiVersion version = PakasirApiVersion.V2) : BuyingTestBase(provider)
{
    private bool V1 => version == PakasirApiVersion.V1;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Pakasir:ApiVersion"] = version.ToString() };

    /// <summary>A webhook body in the configured wire format (V1 has project and no txn_id).</summary>
    private object Body(string orderId, long amount, string? txnId, string status = "completed", bool sandbox = false, string? project = null) => V1
        ? new { amount, order_id = orderId, project = project ?? Pakasir.Project, status, payment_method = "qris", is_sandbox = sandbox, completed_at = DateTimeOffset.UtcNow.ToString("O") }
        : project is not null
            ? new { amount, order_id = orderId, project, status, payment_method = "qris" }
            : new { txn_id = txnId, order_id = orderId, amount, status, is_sandbox = sandbox, completed_at = DateTimeOffset.UtcNow.ToString("O") };

    /// <summary>V2 proves itself with X-Secret; V1 (like Pakasir V1) sends none.</summary>
    private string? Secret => V1 ? null : PakasirSecret;

    private HttpRequestMessage Webhook(object body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/pakasir") { Content = JsonContent.Create(body) };
        if (secret is not null) request.Headers.Add("X-Secret", secret);
        return request;
    }

    [Fact]
    public async Task Payment_TwentyWebhooksPlusPollAndClickAtOnce_FulfilsOnce()
    {
        var productId = await SeedProductAsync("DUP", "Canva Pro", 12_000, items: 5);
        const long buyer = 20_001;
        var order = await CheckoutQrisAsync(buyer, productId, quantity: 2);
        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed);
        var txn = Pakasir.Find(order.InvoiceCode)!;
        var body = Body(order.InvoiceCode, order.Total, txn.TxnId);

        var webhooks = Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = Webhook(body, Secret);
            return (await Client.SendAsync(request)).StatusCode;
        }).ToList();
        var click = ClickAsync(buyer, $"st:{order.Id}");
        var poll = App.GetService<BotAutoOrder.Web.Payments.PaymentConfirmer>().ConfirmAsync(order.InvoiceCode, "system:reconcile", CancellationToken.None);
        var codes = await Task.WhenAll(webhooks);
        await click;
        Assert.Equal(BotAutoOrder.Domain.Payments.ConfirmationStatus.Applied, (await poll).Status); // the poll path agrees, without a second effect

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), what: "delivery");
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == BotAutoOrder.Domain.Messaging.OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Shows(BotTextCatalog.DeliveryHeader));
        Assert.Equal(2, await SoldCountAsync(productId));
        Assert.Equal(2, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.OrderId == order.Id && s.Status == StockItemStatus.Sold)));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PaymentApplied)));
        Assert.Equal(1, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "order.delivery")));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
    }

    public static TheoryData<string> Forgeries => new() { "pending", "amount", "bodyamount", "txn", "unknown", "project", "sandbox", "secret", "malformed" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Webhook_Forged_IsRefusedAndChangesNothing(string forgery)
    {
        var productId = await SeedProductAsync("FRG", "Disney+", 18_000, items: 2);
        var order = await CheckoutQrisAsync(20_002, productId);
        var txn = Pakasir.Find(order.InvoiceCode)!;
        if (forgery == "amount") { Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed); Pakasir.OverrideStatusAmount(order.InvoiceCode, 1_000); }
        var statusCallsBefore = Pakasir.CallsTo("transaction").Count;
        object body = forgery switch
        {
            "unknown" => Body("INV-000000-NOPE", order.Total, "T-X"),
            "project" => Body(order.InvoiceCode, order.Total, txn.TxnId, project: "someone-else"),
            "sandbox" => Body(order.InvoiceCode, order.Total, txn.TxnId, sandbox: true),
            "malformed" => new { order_id = order.InvoiceCode, amount = "lots", status = "completed" },
            "bodyamount" => Body(order.InvoiceCode, order.Total + 1, txn.TxnId),
            "txn" => Body(order.InvoiceCode, order.Total, "txn_someone_elses"),
            _ => Body(order.InvoiceCode, order.Total, txn.TxnId),
        };
        using var request = Webhook(body, forgery == "secret" ? "guess" : Secret);

        var response = await Client.SendAsync(request);

        var expected = forgery switch
        {
            "secret" => HttpStatusCode.Unauthorized,
            "unknown" => HttpStatusCode.NotFound,
            "pending" => HttpStatusCode.Conflict,
            "amount" or "bodyamount" => HttpStatusCode.UnprocessableEntity,
            "txn" => V1 ? HttpStatusCode.Conflict : HttpStatusCode.UnprocessableEntity, // V1 bodies carry no txn_id: only the gateway judges
            _ => HttpStatusCode.BadRequest,
        };
        Assert.Equal(expected, response.StatusCode);
        if (forgery is "bodyamount" or "unknown" or "project" or "sandbox" or "secret" or "malformed" || (forgery == "txn" && !V1))
        {
            // Refused on what the body says: the gateway was not asked because of it (the reconciler's own pace aside).
            var webhookCalls = Pakasir.CallsTo("transaction").Count - statusCallsBefore;
            Assert.True(webhookCalls <= 1, $"{webhookCalls} status calls");
            Assert.DoesNotContain("completed", await response.Content.ReadAsStringAsync());
        }
        var after = await LatestOrderAsync(20_002);
        Assert.Equal(OrderStatus.PendingPayment, after.Status);
        Assert.Equal(0, await SoldCountAsync(productId));
        Assert.Null(await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).Select(p => p.AppliedAtUtc).SingleAsync()));
        Assert.DoesNotContain(Bot.Calls, c => c.Shows(BotTextCatalog.DeliveryHeader));
        if (forgery == "amount") // money arrived with the wrong amount: an admin-visible reconciliation item, never silence
            Assert.Equal(PaymentIssueKind.AmountMismatch, await App.QueryAsync(db => db.PaymentIssues.Select(i => i.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Reconciliation_LostWebhook_FindsThePaymentAndFulfils()
    {
        var productId = await SeedProductAsync("LST", "Viu", 9_000, items: 1);
        const long buyer = 20_003;
        var order = await CheckoutQrisAsync(buyer, productId);

        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed); // paid, but Pakasir's webhook never arrives

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), TimeSpan.FromSeconds(30), "delivery via reconciliation");
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync(buyer)).Status);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PaymentApplied && a.Actor == "system:reconcile")));
    }

    [Fact]
    public async Task LatePaymentAfterExpiry_StockGone_CreditsBalanceAndTellsBuyerAndAdmins()
    {
        var productId = await SeedProductAsync("LATE", "Prime Video", 21_000, items: 1);
        const long late = 20_004, other = 20_005;
        var order = await CheckoutQrisAsync(late, productId);
        Pakasir.CancelUnavailable = true; // the expiry's cancel does not reach the gateway, so the buyer can still pay
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await EventuallyAsync(async () => (await LatestOrderAsync(late)).Status == OrderStatus.Expired, "order expired by the worker");
        await Bot.WaitForAsync(c => c.Method == "editMessageCaption" && c.ChatId == late && c.Shows(BotTextCatalog.InvoiceExpired), what: "QR says expired");
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Available)));
        await App.QueryAsync(async db =>
        {
            var c = new BotAutoOrder.Domain.Customers.Customer(other, "Sari", null, null, "id", DateTime.UtcNow);
            db.Customers.Add(c);
            return await db.SaveChangesAsync();
        });
        await CheckoutQrisAsync(other, productId); // someone else takes the last item
        Assert.Equal(0, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Available)));

        var response = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, Secret, v1Shape: V1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The buyer paid total_payment (amount + gateway fee): by default that is what is credited (shop setting).
        var paid = Pakasir.Find(order.InvoiceCode)!.TotalPayment;
        Assert.True(paid > order.Total);
        var customer = await App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == late));
        Assert.Equal(paid, customer.Balance);
        var entry = await App.QueryAsync(db => db.BalanceEntries.SingleAsync(e => e.CustomerId == customer.Id));
        Assert.Equal(BalanceEntryKind.LatePaymentCredit, entry.Kind);
        Assert.Equal(PaymentIssueKind.LatePaymentCredited, await App.QueryAsync(db => db.PaymentIssues.Select(i => i.Kind).SingleAsync()));
        var shown = BotAutoOrder.Domain.Common.Rupiah.Display(paid);
        await Bot.WaitForAsync(c => c.ChatId == late && c.Shows(BotTextCatalog.LateCredited, ("amount", shown)), what: "buyer told the credited amount");
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("terlambat") == true && c.Text.Contains(shown), what: "admins told");
        Assert.Equal(OrderStatus.Expired, (await LatestOrderAsync(late)).Status);
    }

    [Fact]
    public async Task LatePaymentAfterExpiry_StockStillThere_FulfilsTheOrder()
    {
        var productId = await SeedProductAsync("LATE2", "HBO Go", 16_000, items: 3);
        const long buyer = 20_006;
        var order = await CheckoutQrisAsync(buyer, productId);
        Pakasir.CancelUnavailable = true; // the expiry's cancel does not reach the gateway, so the buyer can still pay
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await EventuallyAsync(async () => (await LatestOrderAsync(buyer)).Status == OrderStatus.Expired, "order expired by the worker");

        await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, Secret, v1Shape: V1);

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), what: "late delivery");
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync(buyer)).Status);
        Assert.Equal(1, await SoldCountAsync(productId));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
    }
}

public sealed class PaymentInvariantPostgresTests() : PaymentInvariantTests(DatabaseProvider.Postgres);

public sealed class PaymentInvariantSqliteTests() : PaymentInvariantTests(DatabaseProvider.Sqlite);

public sealed class PaymentInvariantV1PostgresTests() : PaymentInvariantTests(DatabaseProvider.Postgres, PakasirApiVersion.V1);

public sealed class PaymentInvariantV1SqliteTests() : PaymentInvariantTests(DatabaseProvider.Sqlite, PakasirApiVersion.V1);
