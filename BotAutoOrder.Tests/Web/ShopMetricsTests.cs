using System.Globalization;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>The botautoorder_… metrics on /metrics move when their events happen.</summary>
public sealed partial class ShopMetricsTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task ShopMetrics_MoveWithSalesStockAndReconciliation()
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
