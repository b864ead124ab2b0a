using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

public abstract class DashboardOperationsTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private DashboardSeed Seed => new(App);
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task Orders_EachFilter_NarrowsTheList()
    {
        var product = await Seed.ProductAsync("NFX1", "Netflix", 25_000);
        var ana = await Seed.CustomerAsync(111, "Ana", "ana");
        var budi = await Seed.CustomerAsync(222, "Budi");
        await Seed.OrderAsync(ana, product, 1, OrderStatus.Paid, "INV-AAA-1");
        await Seed.OrderAsync(budi, product, 2, OrderStatus.PendingPayment, "INV-BBB-2");
        await Seed.OrderAsync(budi, product, 1, OrderStatus.Expired, "INV-CCC-3", DateTime.UtcNow.AddDays(-40));
        var owner = await OwnerAsync();

        async Task<string> List(string query) => await owner.GetPageAsync("/admin/orders" + query);
        var all = await List("");
        Assert.Contains("INV-AAA-1", all); Assert.Contains("INV-BBB-2", all); Assert.Contains("INV-CCC-3", all);
        var pending = await List("?status=PendingPayment");
        Assert.Contains("INV-BBB-2", pending); Assert.DoesNotContain("INV-AAA-1", pending);
        var byUsername = await List("?buyer=%40ana");
        Assert.Contains("INV-AAA-1", byUsername); Assert.DoesNotContain("INV-BBB-2", byUsername);
        var byTelegramId = await List("?buyer=222");
        Assert.Contains("INV-BBB-2", byTelegramId); Assert.DoesNotContain("INV-AAA-1", byTelegramId);
        Assert.DoesNotContain("INV-BBB-2", await List("?invoice=inv-aaa"));
        var recent = await List($"?from={DateTime.UtcNow.AddDays(-7):yyyy-MM-dd}");
        Assert.DoesNotContain("INV-CCC-3", recent); Assert.Contains("INV-AAA-1", recent);
    }

    [Fact]
    public async Task OrderDetail_DeliveredItem_MaskedUntilRevealedAndTheRevealAudited()
    {
        var product = await Seed.ProductAsync("NFX2", "Netflix", 25_000);
        var ids = await Seed.StockAsync(product.Id, "netflix-user:secret-pass");
        var ana = await Seed.CustomerAsync(112, "Ana");
        var paid = await Seed.OrderAsync(ana, product, 1, OrderStatus.Paid, "INV-AAA-2", soldItemIds: ids[0]);
        var owner = await OwnerAsync();

        var detail = await owner.GetPageAsync($"/admin/orders/{paid.Id}");
        using var reveal =
            await owner.PostFormAsync($"/admin/orders/{paid.Id}?handler=Reveal&itemId={ids[0]}", [], $"/admin/orders/{paid.Id}");

        Assert.Contains("Netflix", detail);
        Assert.DoesNotContain("secret-pass", detail); // delivered items are masked
        var revealed = await reveal.Content.ReadAsStringAsync();
        Assert.Contains("netflix-user:secret-pass", revealed);
        Assert.Contains(AuditActions.StockRevealed, revealed); // now in the order's timeline
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.StockRevealed && a.EntityId == paid.Id.ToString() && a.Actor == "admin:" + OwnerEmail)));
    }

    [Fact]
    public async Task Orders_MoreThanAPage_SecondPageHoldsTheOldest()
    {
        var product = await Seed.ProductAsync("P1");
        var buyer = await Seed.CustomerAsync(333);
        var start = DateTime.UtcNow.AddHours(-2);
        for (var i = 0; i < 27; i++) await Seed.OrderAsync(buyer, product, 1, OrderStatus.Expired, $"INV-P-{i:D2}", start.AddMinutes(i));
        var owner = await OwnerAsync();
        var first = await owner.GetPageAsync("/admin/orders");
        Assert.Contains("INV-P-26", first); Assert.Contains("INV-P-02", first); Assert.DoesNotContain("INV-P-01", first);
        Assert.Contains("page=2", first);
        var second = await owner.GetPageAsync("/admin/orders?page=2");
        Assert.True(second.Contains("INV-P-01"), second[second.IndexOf("<main")..]);
        Assert.Contains("INV-P-01", second); Assert.Contains("INV-P-00", second); Assert.DoesNotContain("INV-P-02", second);
    }

    [Fact]
    public async Task Buyers_SearchByNameOrTelegramId_FindsOnlyThatBuyer()
    {
        await Seed.CustomerAsync(444, "Citra", "citra");
        await Seed.CustomerAsync(555, "Dewi");
        var owner = await OwnerAsync();

        var found = await owner.GetPageAsync("/admin/buyers?q=citr");
        var byId = await owner.GetPageAsync("/admin/buyers?q=555");

        Assert.Contains("Citra", found); Assert.DoesNotContain("Dewi", found);
        Assert.Contains("Dewi", byId);
    }

    [Fact]
    public async Task Buyer_Block_MarksTheBuyerBlocked()
    {
        var buyer = await Seed.CustomerAsync(446, "Citra");
        var owner = await OwnerAsync();
        var page = $"/admin/buyers/{buyer.Id}";

        using var blocked = await owner.PostFormAsync($"{page}?handler=Block&blocked=true", [], page);
        await owner.FollowAsync(blocked);

        Assert.True(await App.QueryAsync(db => db.Customers.Where(c => c.Id == buyer.Id).Select(c => c.IsBlocked).SingleAsync()));
    }

    [Fact]
    public async Task BalanceAdjust_WithoutReason_IsRefusedAndChangesNothing()
    {
        var buyer = await Seed.CustomerAsync(447, "Citra");
        var owner = await OwnerAsync();
        var page = $"/admin/buyers/{buyer.Id}";

        using var noReason = await owner.PostFormAsync($"{page}?handler=Adjust", Adjust(debit: false, 5000, ""), page);

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Wajib diisi", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.QueryAsync(db => db.Customers.Where(c => c.Id == buyer.Id).Select(c => c.Balance).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.BalanceEntries.AnyAsync(e => e.CustomerId == buyer.Id)));
    }

    [Fact]
    public async Task BalanceAdjust_DebitBeyondTheBalance_IsRefusedAndChangesNothing()
    {
        var buyer = await Seed.CustomerAsync(448, "Citra");
        var owner = await OwnerAsync();
        var page = $"/admin/buyers/{buyer.Id}";
        using var credit = await owner.PostFormAsync($"{page}?handler=Adjust", Adjust(debit: false, 20000, "Kompensasi"), page);
        await owner.FollowAsync(credit);

        using var tooMuch = await owner.PostFormAsync($"{page}?handler=Adjust", Adjust(debit: true, 20001, "Koreksi"), page);

        Assert.Contains("Saldo tidak cukup", await owner.FollowAsync(tooMuch));
        Assert.Equal(20_000, await App.QueryAsync(db => db.Customers.Where(c => c.Id == buyer.Id).Select(c => c.Balance).SingleAsync()));
        Assert.Single(await App.QueryAsync(db => db.BalanceEntries.Where(e => e.CustomerId == buyer.Id).ToListAsync()));
    }

    [Fact]
    public async Task BalanceAdjust_CreditThenDebit_MovesTheBalanceWithAuditedEntries()
    {
        var buyer = await Seed.CustomerAsync(449, "Citra");
        var owner = await OwnerAsync();
        var page = $"/admin/buyers/{buyer.Id}";

        using var credit = await owner.PostFormAsync($"{page}?handler=Adjust", Adjust(debit: false, 20000, "Kompensasi"), page);
        Assert.Contains("Rp 20.000", await owner.FollowAsync(credit));
        using var debit = await owner.PostFormAsync($"{page}?handler=Adjust", Adjust(debit: true, 5000, "Koreksi"), page);
        await owner.FollowAsync(debit);

        var balance = await App.QueryAsync(db => db.Customers.Where(c => c.Id == buyer.Id).Select(c => c.Balance).SingleAsync());
        var entries = await App.QueryAsync(db => db.BalanceEntries.Where(e => e.CustomerId == buyer.Id).OrderBy(e => e.Id).Select(e => e.Amount).ToListAsync());
        Assert.Equal(15_000, balance);
        Assert.Equal([20_000L, -5_000L], entries);
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("balance.") && a.Actor == "admin:" + OwnerEmail)));
    }

    private static KeyValuePair<string, string>[] Adjust(bool debit, long amount, string reason) =>
        [new("Input.Debit", debit ? "true" : "false"),
            new("Input.Amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Reason", reason)];

    private static (string, string)[] VoucherForm(string code, string kind, string value, string total = "", string from = "",
        string until = "") =>
    [
        ("Input.Code", code), ("Input.Kind", kind), ("Input.Value", value), ("Input.MinOrder", "10000"), ("Input.MaxDiscount", "5000"),
        ("Input.TotalUses", total), ("Input.UsesPerBuyer", "1"), ("Input.ValidFrom", from), ("Input.ValidUntil", until),
        ("Input.IsActive", "true"),
    ];

    [Fact]
    public async Task VoucherCreate_PercentOver100AndWindowBackwards_NamesBothFieldsAndSavesNothing()
    {
        var owner = await OwnerAsync();

        using var bad = await owner.PostFormAsync("/admin/vouchers/edit",
            VoucherForm("hemat", "Percent", "150", from: "2030-01-02T00:00", until: "2030-01-01T00:00"));

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.Value\"[^>]*>Persentase", html);
        Assert.Matches("data-valmsg-for=\"Input.ValidUntil\"[^>]*>Harus setelah", html);
        Assert.False(await App.QueryAsync(db => db.Vouchers.AnyAsync()));
    }

    [Fact]
    public async Task VoucherCreate_Valid_SavedUpperCaseWithTheWindowInStoreTime()
    {
        var owner = await OwnerAsync();

        using var ok = await owner.PostFormAsync("/admin/vouchers/edit",
            VoucherForm("hemat", "Percent", "10", "100", "2030-01-01T00:00", "2030-01-31T23:59"));

        Assert.Contains("HEMAT", await owner.FollowAsync(ok));
        var voucher = await App.QueryAsync(db => db.Vouchers.SingleAsync());
        Assert.Equal(new DateTime(2029, 12, 31, 17, 0, 0), voucher.ValidFromUtc); // Asia/Jakarta is UTC+7
    }

    [Fact]
    public async Task VoucherCreate_CodeTakenInAnotherCase_IsRefused()
    {
        var owner = await OwnerAsync();
        (await owner.PostFormAsync("/admin/vouchers/edit", VoucherForm("hemat", "Percent", "10", "100"))).Dispose();

        using var dup = await owner.PostFormAsync("/admin/vouchers/edit", VoucherForm("HEMAT", "Flat", "1000"));

        Assert.Contains("Kode ini sudah dipakai", await dup.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Vouchers.CountAsync()));
    }

    [Fact]
    public async Task VoucherEdit_ExistingVoucher_KeepsTheCodeSavesTheRestAndShowsUses()
    {
        var owner = await OwnerAsync();
        (await owner.PostFormAsync("/admin/vouchers/edit",
            VoucherForm("hemat", "Percent", "10", "100", "2030-01-01T00:00", "2030-01-31T23:59"))).Dispose();
        var id = await App.QueryAsync(db => db.Vouchers.Select(v => v.Id).SingleAsync());

        using var edited = await owner.PostFormAsync($"/admin/vouchers/edit/{id}", VoucherForm("IGNORED", "Flat", "3000", "50"));
        await owner.FollowAsync(edited);

        var voucher = await App.QueryAsync(db => db.Vouchers.SingleAsync());
        Assert.Equal(("HEMAT", VoucherKind.Flat, 3000L, 50, (DateTime?)null), (voucher.Code, voucher.Kind, voucher.Value, voucher.TotalUses!.Value, voucher.ValidFromUtc));
        Assert.Contains("Dipakai: 0 / 50", await owner.GetPageAsync($"/admin/vouchers/edit/{id}"));
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Voucher")));
    }

    private static (string, string)[] SettingsForm(string expiry, string min, string max, string rate) =>
    [
        ("Input.StoreName", "Toko Baru"), ("Input.InvoiceExpiryMinutes", expiry), ("Input.DepositMin", min), ("Input.DepositMax", max),
        ("Input.SpamMaxActions", "30"), ("Input.SpamWindowSeconds", "10"), ("Input.LowStockThreshold", "3"),
        ("Input.SendRatePerSecond", rate),
        ("Input.ContactUsername", "@admin_toko"), ("Input.ProofRetentionDays", "90"), ("Input.BackupRetentionDays", "7"),
    ];

    [Fact]
    public async Task Settings_OutOfRangeValues_NameEachFieldAndSaveNothing()
    {
        var owner = await OwnerAsync();

        using var bad = await owner.PostFormAsync("/admin/settings", SettingsForm("0", "50000", "10000", "31"));

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.InvoiceExpiryMinutes\"[^>]*>Antara 1 dan 1440", html);
        Assert.Matches("data-valmsg-for=\"Input.DepositMax\"[^>]*>Tidak boleh di bawah", html);
        Assert.Matches("data-valmsg-for=\"Input.SendRatePerSecond\"[^>]*>Antara 1 dan 30", html);
        Assert.False(await App.QueryAsync(db => db.Settings.AnyAsync()));
    }

    [Fact]
    public async Task Settings_ValidValues_AreSavedAndAuditedAsTheOwner()
    {
        var owner = await OwnerAsync();

        using var ok = await owner.PostFormAsync("/admin/settings", SettingsForm("20", "10000", "1000000", "20"));

        Assert.Contains("Pengaturan disimpan", await owner.FollowAsync(ok));
        var stored = await App.QueryAsync(db => db.Settings.ToDictionaryAsync(s => s.Key, s => s.Value));
        Assert.Equal(("Toko Baru", "20", "admin_toko", "20"), (stored["StoreName"], stored["InvoiceExpiryMinutes"], stored["ContactUsername"], stored["SendRatePerSecond"]));
        var audit = await owner.GetPageAsync("/admin/audit?action=settings.&actor=admin%3A" + Uri.EscapeDataString(OwnerEmail));
        Assert.Contains("InvoiceExpiryMinutes", audit);
        Assert.DoesNotContain(AuditActions.AuthSignedIn, audit);
    }

    [Fact]
    public async Task HostileNames_OnEveryDashboardPage_AreHtmlEncoded()
    {
        var product = await Seed.ProductAsync("XSS1", Script, 10_000, Script);
        await App.QueryAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Description, Script)));
        var buyer = await Seed.CustomerAsync(666, Script, "x_y");
        var order = await Seed.OrderAsync(buyer, product, 1, OrderStatus.PendingPayment, "INV-XSS-1");
        var owner = await OwnerAsync();
        var pages = new[]
        {
            "/admin", "/admin/products", $"/admin/products/edit/{product.Id}", $"/admin/stock/{product.Id}", "/admin/categories",
            "/admin/orders", $"/admin/orders/{order.Id}", "/admin/buyers", $"/admin/buyers/{buyer.Id}",
        };
        foreach (var url in pages)
        {
            var html = await owner.GetPageAsync(url);
            Assert.False(html.Contains("<script", StringComparison.OrdinalIgnoreCase), url);
            Assert.True(html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;"), url);
        }
    }

    [Fact]
    public async Task CategoryCreate_HostileName_IsEncodedOnTheListAndInTheAudit()
    {
        var owner = await OwnerAsync();

        using var created = await owner.PostFormAsync("/admin/categories/edit", ("Input.Name", Script + "2"), ("Input.SortOrder", "0"), ("Input.IsActive", "true"));

        var list = await owner.FollowAsync(created);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;2", list);
        Assert.DoesNotContain("<script", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", await owner.GetPageAsync("/admin/audit"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Home_WithSalesAndLowStock_ShowsRevenueOpenInvoicesLowStockAndRecentOrders()
    {
        var product = await Seed.ProductAsync("LOW1", "Produk Menipis", 30_000);
        await Seed.StockAsync(product.Id, "only-one-item-left");
        var buyer = await Seed.CustomerAsync(777);
        await Seed.OrderAsync(buyer, product, 2, OrderStatus.Paid, "INV-HOME-1");
        await Seed.OrderAsync(buyer, product, 1, OrderStatus.Paid, "INV-HOME-OLD", DateTime.UtcNow.AddDays(-10));
        await Seed.OrderAsync(buyer, product, 1, OrderStatus.PendingPayment, "INV-HOME-2");
        var owner = await OwnerAsync();
        var html = await owner.GetPageAsync("/admin");
        Assert.Contains("<strong>Rp 60.000</strong>", html); // today
        Assert.Contains("<strong>Rp 90.000</strong>", html); // 30 days
        Assert.Contains("status=PendingPayment\">1</a>", html);
        Assert.Contains("LOW1 — Produk Menipis", html);
        Assert.Contains("INV-HOME-2", html);
        Assert.Contains("<svg class=\"chart\"", html);
    }
}

public sealed class DashboardOperationsPostgresTests() : DashboardOperationsTests(DatabaseProvider.Postgres);

public sealed class DashboardOperationsSqliteTests() : DashboardOperationsTests(DatabaseProvider.Sqlite);
