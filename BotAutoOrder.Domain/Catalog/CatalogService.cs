using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>Read side of the catalog as buyers see it: only active categories and products.</summary>
public sealed class CatalogService(AppDbContext db)
{
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct)
    {
        var productsAvailable = await db.Products
            .Where(p => p.IsActive && db.StockItems.Any(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available))
            .CountAsync(ct);
        var completed = await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid, ct);
        var buyers = await db.Customers.CountAsync(ct);
        return new StoreStats(productsAvailable, completed, buyers);
    }

    /// <summary>Active categories that hold at least one active product, in display order.</summary>
    public async Task<IReadOnlyList<CategorySummary>> GetCategoriesAsync(CancellationToken ct) =>
        await db.Categories
            .Where(c => c.IsActive)
            .Select(c => new { c.Id, c.Name, c.SortOrder, Count = db.Products.Count(p => p.CategoryId == c.Id && p.IsActive) })
            .Where(c => c.Count > 0)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategorySummary(c.Id, c.Name, c.Count))
            .ToListAsync(ct);
}
