using System.Globalization;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// After a warranty replacement the order page lists everything the order gave: the fresh item and the one taken back,
/// marked as replaced, which the seller can still reveal (audited) to see what the buyer reported broken.
/// </summary>
public sealed class OrderPageReplacedItemTests() : BuyingDashboardTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task OrderPage_AfterAWarrantyReplacement_ListsBothItems_TheOldOneMarkedReplacedAndRevealable()
    {
        var productId = await SeedProductAsync("ORP", "Netflix ORP", 20_000, items: 2, itemPrefix: "akun");
        await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.WarrantyDays, 7)));
        var orderId = await BuyWithBalanceAsync(44_031, productId, 20_000);
        var (oldItem, newItem) = await ReplaceTheItemAsync(orderId);
        var owner = await OwnerAsync();

        var page = await owner.GetPageAsync($"/admin/orders/{orderId}");

        var rows = Regex.Matches(page, @"<tr>\s*<td>(\d+)</td>(.*?)</tr>", RegexOptions.Singleline)
            .Where(m => m.Groups[2].Value.Contains("class=\"item\"", StringComparison.Ordinal)) // the delivered items' table
            .ToDictionary(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        Assert.Contains("diganti (garansi)", rows[oldItem]);
        Assert.Contains("Netflix ORP", rows[newItem]);
        Assert.DoesNotContain("diganti", rows[newItem]);
        using var reveal = await owner.PostFormAsync($"/admin/orders/{orderId}?handler=Reveal&itemId={oldItem}", [],
            $"/admin/orders/{orderId}");
        Assert.Contains("akun-ORP-1:rahasia1", await reveal.Content.ReadAsStringAsync());
    }

    /// <summary>The buyer's claim on the order's item (reason, no screenshot) and the seller's replacement, via the domain.</summary>
    private async Task<(long Old, long New)> ReplaceTheItemAsync(long orderId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var (customerId, sold) = await App.QueryAsync(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            return (order.CustomerId, await db.StockItems.Where(s => s.OrderId == orderId).Select(s => s.Id).SingleAsync());
        });
        var warranty = sp.GetRequiredService<WarrantyService>();
        var claim = await warranty.StartAsync(customerId, orderId, sold, CancellationToken.None);
        Assert.Equal(ClaimStartOutcome.Drafting, claim.Outcome);
        await warranty.TakeInputAsync(customerId, "tidak bisa login", null, CancellationToken.None);
        await warranty.SkipScreenshotAsync(customerId, claim.ClaimId!.Value, CancellationToken.None);
        await sp.GetRequiredService<ClaimResolutionService>().ReplaceAsync(claim.ClaimId!.Value, "admin:test", CancellationToken.None);
        var fresh = await App.QueryAsync(db => db.StockItems
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Sold).Select(s => s.Id).SingleAsync());
        return (sold, fresh);
    }
}
