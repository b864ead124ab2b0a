using BotAutoOrder.Domain.Common;
using System.Net;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Keyset paging of the long dashboard lists (orders, buyers, audit): the pager's links name the row they continue
/// from, so rows inserted at the top between two page loads neither push a row onto the next page twice nor make
/// one disappear, in both directions.
/// </summary>
public abstract partial class DashboardKeysetPagingTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private DashboardSeed Seed => new(App);

    [Fact]
    public async Task Orders_NewOrdersBetweenLoads_NextAndPreviousLinksSkipOrRepeatNoRow()
    {
        var product = await Seed.ProductAsync("KS1");
        var buyer = await Seed.CustomerAsync(901, "Keyset");
        var start = DateTime.UtcNow.AddHours(-3);
        // 30 orders, a minute apart, except that 04 and 05 share a time: the page boundary falls between them, so the
        // id tie-breaker is what keeps 04 on page 2.
        for (var i = 0; i < 30; i++) await Seed.OrderAsync(buyer, product, 1, OrderStatus.Expired, $"INV-K-{i:D2}", start.AddMinutes(i == 4 ? 5 : i));
        var owner = await OwnerAsync();

        var first = await owner.GetPageAsync("/admin/orders");
        Assert.Equal(Range(29, 5), Invoices(first));
        Assert.Null(Link(first, "prev"));

        // Three new orders arrive while the owner reads page 1.
        for (var i = 0; i < 3; i++) await Seed.OrderAsync(buyer, product, 1, OrderStatus.Expired, $"INV-K-N{i}", DateTime.UtcNow.AddSeconds(i));

        var second = await owner.GetPageAsync(Link(first, "next")!);
        Assert.Equal(Range(4, 0), Invoices(second)); // an offset would have shown 07, 06, 05 again
        Assert.Null(Link(second, "next"));
        Assert.Contains("page=2", Link(first, "next"));

        var backToFirst = await owner.GetPageAsync(Link(second, "prev")!);
        Assert.Equal(Range(29, 5), Invoices(backToFirst)); // the same rows as before, not the newest 25
        var newest = await owner.GetPageAsync(Link(backToFirst, "prev")!); // the new orders are above
        Assert.Equal(["INV-K-N2", "INV-K-N1", "INV-K-N0"], Invoices(newest));
        Assert.Null(Link(newest, "prev"));
        Assert.Equal(Range(29, 5), Invoices(await owner.GetPageAsync(Link(newest, "next")!)));
    }

    [Fact]
    public async Task Orders_FilteredListLongerThanAPage_NextLinkKeepsTheFilters()
    {
        var product = await Seed.ProductAsync("KS2");
        var buyer = await Seed.CustomerAsync(903, "Filter");
        var start = DateTime.UtcNow.AddHours(-3);
        for (var i = 0; i < 26; i++) await Seed.OrderAsync(buyer, product, 1, OrderStatus.Expired, $"INV-K-{i:D2}", start.AddMinutes(i));
        var owner = await OwnerAsync();

        var filtered = await owner.GetPageAsync("/admin/orders?status=Expired&invoice=INV-K-");

        Assert.Contains("status=Expired", Link(filtered, "next"));
        Assert.Contains("invoice=INV-K-", Link(filtered, "next"));
    }

    [Fact]
    public async Task Buyers_NextLinkWhenBuyersJoinBetweenLoads_NoRowSkippedOrRepeated()
    {
        var start = DateTime.UtcNow.AddDays(-2);
        await App.QueryAsync(async db =>
        {
            for (var i = 0; i < 27; i++) db.Customers.Add(new Customer(5_000 + i, $"Pembeli{i:D2}", null, null, "id", start.AddMinutes(i)));
            return await db.SaveChangesAsync();
        });
        var owner = await OwnerAsync();
        var first = await owner.GetPageAsync("/admin/buyers?q=pembeli");
        Assert.Equal(25, Names(first).Count);
        Assert.Equal("Pembeli26", Names(first)[0]);

        await App.QueryAsync(async db =>
        {
            db.Customers.Add(new Customer(7_000, "Pembeli Baru", null, null, "id", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var second = await owner.GetPageAsync(Link(first, "next")!);
        Assert.Equal(["Pembeli01", "Pembeli00"], Names(second));
        Assert.Contains("Pembeli Baru", Names(await owner.GetPageAsync("/admin/buyers?q=pembeli")));
    }

    [Fact]
    public async Task BuyerSearch_PercentOrUnderscore_IsSearchedAsTextNotAsAWildcard()
    {
        var start = DateTime.UtcNow.AddDays(-2);
        await App.QueryAsync(async db =>
        {
            db.Customers.Add(new Customer(6_000, "Diskon 50%off", null, "promo_user", "id", start.AddMinutes(-10)));
            db.Customers.Add(new Customer(6_001, "Bonus", "Pulsa", null, "id", start.AddMinutes(-11))); // "o_u" as a wildcard would match
            return await db.SaveChangesAsync();
        });
        var owner = await OwnerAsync();

        Assert.Equal(["Diskon 50%off"], Names(await owner.GetPageAsync("/admin/buyers?q=%25")));
        Assert.Equal(["Bonus Pulsa"], Names(await owner.GetPageAsync("/admin/buyers?q=pulsa")));
        Assert.Equal(["Diskon 50%off"], Names(await owner.GetPageAsync("/admin/buyers?q=o_u")));
    }

    [Fact]
    public async Task Audit_EntriesWrittenBetweenLoads_NextAndPreviousLinksStable()
    {
        async Task WriteAsync(string prefix, int count) => await App.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++) db.AuditEntries.Add(new AuditEntry("job:test", "paging.test", "Test", $"{prefix}{i:D2}", null, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await WriteAsync("A", 60);
        var owner = await OwnerAsync();
        var first = await owner.GetPageAsync("/admin/audit?action=paging.");
        Assert.Equal(Range("A", 59, 10), EntityIds(first));
        await WriteAsync("B", 7);
        var second = await owner.GetPageAsync(Link(first, "next")!);
        Assert.Equal(Range("A", 9, 0), EntityIds(second));
        Assert.Equal(Range("A", 59, 10), EntityIds(await owner.GetPageAsync(Link(second, "prev")!)));
    }

    [Fact]
    public async Task Home_PaidOrdersAroundMidnight_CountOnTheStoreDay()
    {
        // Asia/Jakarta (UTC+7): the store's day starts at 17:00 UTC, so grouping by the UTC date would be visibly wrong.
        using var scope = App.Services.CreateScope();
        var time = scope.ServiceProvider.GetRequiredService<StoreTime>();
        var startToday = time.StartOfDayUtc(time.Today);
        var product = await Seed.ProductAsync("REV1", "Pulsa", 10_000);
        var buyer = await Seed.CustomerAsync(902);
        // The seed marks an order paid one minute after it was created.
        await Seed.OrderAsync(buyer, product, 1, OrderStatus.Paid, "INV-R-TODAY", startToday);                     // 00:01 today
        await Seed.OrderAsync(buyer, product, 2, OrderStatus.Paid, "INV-R-LATE", startToday.AddMinutes(-31));      // 23:30 yesterday
        await Seed.OrderAsync(buyer, product, 3, OrderStatus.Paid, "INV-R-D29", startToday.AddDays(-29).AddHours(12));
        await Seed.OrderAsync(buyer, product, 4, OrderStatus.Paid, "INV-R-D30", startToday.AddDays(-30).AddHours(12)); // outside
        await Seed.OrderAsync(buyer, product, 5, OrderStatus.Refunded, "INV-R-REF", startToday.AddHours(1));        // not revenue
        var html = await (await OwnerAsync()).GetPageAsync("/admin");
        Assert.Contains("<strong>Rp 10.000</strong>", html); // today
        Assert.Contains("<strong>Rp 30.000</strong>", html); // 7 days
        Assert.Contains("<strong>Rp 60.000</strong>", html); // 30 days
        Assert.Contains("<strong>1 / 3</strong>", html);     // paid orders today / 30 days
    }

    [Theory]
    [InlineData("/admin/orders?after=yesterday")]
    [InlineData("/admin/orders?after=1_2&before=1_2")]
    [InlineData("/admin/buyers?before=12")]
    [InlineData("/admin/audit?after=1_2")]
    public async Task List_MalformedPageLink_IsRefusedWithA400(string url)
    {
        var owner = await OwnerAsync();
        using var response = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<string> Range(int from, int downTo) =>
        Enumerable.Range(downTo, from - downTo + 1).Reverse().Select(i => $"INV-K-{i:D2}").ToList();

    private static List<string> Range(string prefix, int from, int downTo) =>
        Enumerable.Range(downTo, from - downTo + 1).Reverse().Select(i => $"{prefix}{i:D2}").ToList();

    private static List<string> Invoices(string html) => InvoiceCode().Matches(MainOf(html)).Select(m => m.Value).ToList();

    private static List<string> Names(string html) => BuyerLink().Matches(MainOf(html)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static List<string> EntityIds(string html) => AuditEntityId().Matches(MainOf(html)).Select(m => m.Value).ToList();

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..];

    /// <summary>The pager's link with <paramref name="rel"/> (prev/next), decoded; null when there is none.</summary>
    private static string? Link(string html, string rel)
    {
        var match = Regex.Match(html, $"<a href=\"([^\"]+)\" rel=\"{rel}\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"INV-K-(N\d|\d\d)")]
    private static partial Regex InvoiceCode();

    [GeneratedRegex("<a href=\"/admin/buyers/\\d+\">([^<]+)</a>")]
    private static partial Regex BuyerLink();

    [GeneratedRegex(@"\b[AB]\d\d\b")]
    private static partial Regex AuditEntityId();
}

public sealed class DashboardKeysetPagingPostgresTests() : DashboardKeysetPagingTests(DatabaseProvider.Postgres);

public sealed class DashboardKeysetPagingSqliteTests() : DashboardKeysetPagingTests(DatabaseProvider.Sqlite);
