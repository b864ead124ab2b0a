using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard.TwoFactor;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Issue 10 item 9, invariant 6: every admin change and every money/stock state change is in the audit log with an
/// actor and a time. One sweep performs each through the real dashboard forms, the bot and the Pakasir webhook, then
/// reads the log. (Settings, order created/paid, refund, expiry shortening and gateway status changes are swept by
/// <see cref="PaymentHolesTests.MoneyAndGatewayStateChanges_AreAllAudited_WithActorAndTime"/>.)
/// </summary>
public abstract partial class AuditSweepTests(DatabaseProvider provider) : BuyingDashboardTestBase(provider)
{
    private const string SellerEmail = "seller@shop.test";

    private static readonly string Seller = AuditLog.Admin(SellerEmail);

    [Fact]
    public async Task EveryAdminActionAndMoneyOrStockChange_IsAudited_WithActorAndTime()
    {
        var started = DateTime.UtcNow.AddMinutes(-1);
        var owner = await OwnerAsync();

        // Settings, catalog, voucher.
        await Redirects(owner.PostFormAsync("/admin/settings",
            ("Input.StoreName", "Toko Audit"), ("Input.InvoiceExpiryMinutes", "20"), ("Input.DepositMin", "10000"), ("Input.DepositMax", "1000000"),
            ("Input.SpamMaxActions", "30"), ("Input.SpamWindowSeconds", "10"), ("Input.LowStockThreshold", "3"), ("Input.SendRatePerSecond", "20"),
            ("Input.ContactUsername", "@admin_toko"), ("Input.ProofRetentionDays", "90"), ("Input.BackupRetentionDays", "7")));
        await Redirects(owner.PostFormAsync("/admin/categories/edit", ("Input.Name", "Audit"), ("Input.SortOrder", "1"), ("Input.IsActive", "true")));
        var categoryId = await App.QueryAsync(db => db.Categories.Where(c => c.Name == "Audit").Select(c => c.Id).SingleAsync());
        await Redirects(owner.PostFormAsync("/admin/products/edit",
            ("Input.Code", "AUDK"), ("Input.Name", "Audit Key"), ("Input.CategoryId", categoryId.ToString()), ("Input.Price", "12000"),
            ("Input.Description", "Deskripsi"), ("Input.PerOrderLimit", ""), ("Input.LowStockThreshold", ""), ("Input.TermsText", ""), ("Input.IsActive", "true")));
        var productId = await App.QueryAsync(db => db.Products.Where(p => p.Code == "AUDK").Select(p => p.Id).SingleAsync());
        await Redirects(owner.PostFormAsync("/admin/vouchers/edit",
            ("Input.Code", "AUDIT"), ("Input.Kind", "Flat"), ("Input.Value", "1000"), ("Input.MinOrder", "10000"), ("Input.MaxDiscount", "5000"),
            ("Input.TotalUses", ""), ("Input.UsesPerBuyer", "1"), ("Input.ValidFrom", ""), ("Input.ValidUntil", ""), ("Input.IsActive", "true")));

        // Stock: paste, upload, delete one.
        var stockPage = $"/admin/stock/{productId}";
        await Redirects(owner.PostFormAsync($"{stockPage}?handler=Paste", [new("lines", "key-audit-1\nkey-audit-2\n")], stockPage));
        await Redirects(owner.PostFileAsync($"{stockPage}?handler=Upload", "file", "keys.txt", Encoding.UTF8.GetBytes("key-audit-3\n"), formPage: stockPage));
        var itemId = await App.QueryAsync(db => db.StockItems.Where(s => s.ProductId == productId && s.Status == StockItemStatus.Available)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await Redirects(owner.PostFormAsync($"{stockPage}?handler=Delete&itemId={itemId}", [], stockPage));

        // Bot texts: edit, then reset.
        const string greeting = "/admin/texts/edit?key=start.greeting";
        await Redirects(owner.PostFormAsync($"{greeting}&handler=Save&lang=id", [new("Input.Text", "Halo {name}!")], greeting));
        await Redirects(owner.PostFormAsync($"{greeting}&handler=Reset&lang=id", [], greeting));

        // Buyer: block, unblock, credit, debit.
        const long buyer = 60_001;
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        var buyerPage = $"/admin/buyers/{customerId}";
        await Redirects(owner.PostFormAsync($"{buyerPage}?handler=Block&blocked=true", [], buyerPage));
        await Redirects(owner.PostFormAsync($"{buyerPage}?handler=Block&blocked=false", [], buyerPage));
        await Redirects(owner.PostFormAsync($"{buyerPage}?handler=Adjust", [new("Input.Debit", "false"), new("Input.Amount", "20000"), new("Input.Reason", "Kompensasi")], buyerPage));
        await Redirects(owner.PostFormAsync($"{buyerPage}?handler=Adjust", [new("Input.Debit", "true"), new("Input.Amount", "5000"), new("Input.Reason", "Koreksi")], buyerPage));

        // Staff: a user is created, changes their own password, then the owner changes their role and deactivates them.
        await Redirects(owner.PostFormAsync("/admin/users?handler=Create",
            [new("Input.Email", SellerEmail), new("Input.Password", "seller-pass-1"), new("Input.Role", "Admin")], "/admin/users"));
        var seller = new DashboardClient(Client.BaseAddress!);
        try
        {
            using (var signedIn = await seller.SignInAsync(SellerEmail, "seller-pass-1"))
                Assert.Equal("/admin", signedIn.Headers.Location?.ToString());
            await Redirects(seller.PostFormAsync("/admin/account/password",
                ("Input.CurrentPassword", "seller-pass-1"), ("Input.NewPassword", "seller-pass-2"), ("Input.ConfirmPassword", "seller-pass-2")));
        }
        finally
        {
            seller.Dispose();
        }
        var sellerId = await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Email == SellerEmail).Select(u => u.Id).SingleAsync());
        await Redirects(owner.PostFormAsync($"/admin/users?handler=Update&id={sellerId}", [new("role", "Owner"), new("isActive", "true"), new("confirmed", "true")], "/admin/users"));
        await Redirects(owner.PostFormAsync($"/admin/users?handler=Update&id={sellerId}", [new("role", "Admin"), new("confirmed", "true")], "/admin/users"));

        // Money through the gateway: a deposit credited.
        await SendAsync(buyer, "/deposit 50000");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer && c.Text!.Contains("DEP-"), what: "deposit QR");
        var deposit = await App.QueryAsync(db => db.Deposits.SingleAsync());
        using (var paid = await Pakasir.PayAsync(deposit.Code, WebhookUrl, PakasirSecret, v1Shape: false))
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.Deposits.AnyAsync(d => d.Id == deposit.Id && d.Status == DepositStatus.Paid)), "deposit paid");

        // An order paid late: it expired (the gateway cancel failed), then the buyer paid and stock was still there.
        const long late = 60_002;
        var lateProduct = await SeedProductAsync("AULT", "Late", 9_000, items: 2);
        var lateOrder = await CheckoutQrisAsync(late, lateProduct);
        Pakasir.CancelUnavailable = true;
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == lateOrder.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await EventuallyAsync(async () => (await LatestOrderAsync(late)).Status == OrderStatus.Expired, "order expired by the worker");
        Pakasir.CancelUnavailable = false;
        using (var paid = await Pakasir.PayAsync(lateOrder.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false))
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await EventuallyAsync(async () => (await LatestOrderAsync(late)).Status == OrderStatus.Paid, "late order paid");

        // A reconciliation item opened (marked paid, then the buyer paid too) and resolved by the owner.
        const long twice = 60_003;
        var twiceOrder = await CheckoutQrisAsync(twice, lateProduct);
        await App.QueryAsync(db => db.Payments.Where(p => p.OrderId == twiceOrder.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, DateTime.UtcNow)));
        Pakasir.SetStatus(twiceOrder.InvoiceCode, PaymentStatus.Completed);
        await Redirects(owner.PostFormAsync($"/admin/orders/{twiceOrder.Id}?handler=MarkPaid",
            [new("Input.Note", "dibayar via transfer"), new("Input.Confirmed", "true")]));
        using (var paid = await Pakasir.PayAsync(twiceOrder.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false))
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.PaymentIssues.AnyAsync()), "reconciliation item opened");
        var issueId = await App.QueryAsync(db => db.PaymentIssues.Select(i => i.Id).SingleAsync());
        await Redirects(owner.PostFormAsync($"/admin/payments/issues?handler=Resolve&issueId={issueId}", [new("Input.Note", "refund manual ke pembeli")], "/admin/payments/issues"));

        // Two-factor enabled by the owner.
        var twoFactorPage = await owner.GetPageAsync("/admin/account/two-factor");
        var secret = KeyPattern().Match(twoFactorPage).Groups[1].Value;
        var token = WebUtility.HtmlDecode(TokenPattern().Match(twoFactorPage).Groups[1].Value);
        using (var enabled = await owner.PostFormAsync("/admin/account/two-factor?handler=Enable",
            ("token", token), ("code", TotpCodes.Compute(Base32Encoding.ToBytes(secret), DateTime.UtcNow))))
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        var finished = DateTime.UtcNow.AddMinutes(1);
        var entries = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        void Audited(string action, string? actor, int atLeast = 1)
        {
            var found = entries.Where(e => e.Action == action && (actor is null || e.Actor == actor)).ToList();
            Assert.True(found.Count >= atLeast, $"expected {atLeast}× {action} by {actor ?? "anyone"}; the log has: " +
                string.Join(", ", entries.Select(e => $"{e.Action}/{e.Actor}").Distinct()));
            Assert.All(found, e => Assert.False(string.IsNullOrWhiteSpace(e.Actor), action));
            Assert.All(found, e => Assert.InRange(e.AtUtc, started, finished));
        }

        Audited(AuditActions.SettingsChanged, OwnerActor);
        Audited(AuditActions.CategoryCreated, OwnerActor);
        Audited(AuditActions.ProductCreated, OwnerActor);
        Audited(AuditActions.VoucherCreated, OwnerActor);
        Audited(AuditActions.StockAdded, OwnerActor, atLeast: 2); // paste and upload
        Audited(AuditActions.StockDeleted, OwnerActor);
        Audited(AuditActions.BotTextSaved, OwnerActor);
        Audited(AuditActions.BotTextReset, OwnerActor);
        Audited(AuditActions.BuyerBlocked, OwnerActor);
        Audited(AuditActions.BuyerUnblocked, OwnerActor);
        Audited(AuditActions.BalanceCredited, OwnerActor);
        Audited(AuditActions.BalanceDebited, OwnerActor);
        Audited(AuditActions.UserCreated, OwnerActor);
        Audited(AuditActions.UserPasswordChanged, Seller);
        Audited(AuditActions.UserUpdated, OwnerActor, atLeast: 2); // role changed, deactivated
        Audited(AuditActions.DepositCreated, AuditLog.Buyer(buyer));
        Audited(AuditActions.DepositPaid, null);
        Audited(AuditActions.BalanceCredited, null, atLeast: 2); // the admin's credit and the deposit
        Audited(AuditActions.OrderCreated, AuditLog.Buyer(late));
        Audited(AuditActions.OrderExpired, null);
        Audited(AuditActions.OrderPaidLate, null);
        Audited(AuditActions.OrderMarkedPaid, OwnerActor);
        Audited(AuditActions.PaymentApplied, null, atLeast: 3);
        Audited(AuditActions.PaymentIssue, null);
        Audited(AuditActions.PaymentIssueResolved, OwnerActor);
        Audited(AuditActions.AuthTwoFactorEnabled, OwnerActor);
        Assert.Contains(entries, e => e.Action == AuditActions.DepositPaid && e.EntityId == deposit.Id.ToString());
    }

    private static async Task Redirects(Task<HttpResponseMessage> post)
    {
        using var response = await post;
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {Excerpt(await response.Content.ReadAsStringAsync())}");
    }

    private static string Excerpt(string html) => html.Length > 1500 ? html[..1500] : html;

    [GeneratedRegex("id=\"two-factor-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class AuditSweepPostgresTests() : AuditSweepTests(DatabaseProvider.Postgres);

public sealed class AuditSweepSqliteTests() : AuditSweepTests(DatabaseProvider.Sqlite);
