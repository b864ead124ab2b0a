using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>Read side of the catalog as buyers see it: only active categories and products.</summary>
public sealed class CatalogService(AppDbContext db, StoreStatsCache statsCache, TimeProvider clock)
{
    /// <summary>Products in stock, paid orders, buyers: counted at most every <see cref="StoreStatsCache.Lifetime"/>.</summary>
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct)
    {
        if (statsCache.TryGet(clock.GetUtcNow(), out var cached)) return cached;
        var productsAvailable = await db.Products
            .Where(p => p.IsActive && db.StockItems.Any(s => s.ProductId == p.Id
                && (s.Status == StockItemStatus.Available || (p.IsUnlimited && s.Status == StockItemStatus.Unlimited))))
            .CountAsync(ct);
        var completed = await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid, ct);
        var buyers = await db.Customers.CountAsync(ct);
        var stats = new StoreStats(productsAvailable, completed, buyers);
        statsCache.Set(stats, clock.GetUtcNow());
        return stats;
    }

    /// <summary>Active products of an active category, by name, a page at a time, with live stock.</summary>
    public async Task<Page<ProductCard>?> GetProductsAsync(long categoryId, int pageIndex, int pageSize, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId && c.IsActive, ct);
        if (category is null) return null;
        var products = db.Products.Where(p => p.CategoryId == categoryId && p.IsActive);
        var total = await products.CountAsync(ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / pageSize));
        var items = await Cards(products.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(pageIndex * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<ProductCard>(items, pageIndex, pageSize, total);
    }

    /// <summary>An active product in an active category, or null (deleted, hidden: a stale button).</summary>
    public Task<ProductCard?> GetProductAsync(long productId, CancellationToken ct) =>
        Cards(db.Products.Where(p => p.Id == productId && p.IsActive && p.Category!.IsActive)).FirstOrDefaultAsync(ct);

    private IQueryable<ProductCard> Cards(IQueryable<Product> products) =>
        products.Select(p => new ProductCard(
            p.Id, p.Code, p.Name, p.CategoryId, p.Category!.Name, p.Price, p.Description, p.PerOrderLimit, p.TermsText != null,
            p.IsUnlimited && db.StockItems.Any(s => s.ProductId == p.Id && s.Status == StockItemStatus.Unlimited)
                ? StockService.UnlimitedCount
                : db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available),
            db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Sold),
            p.IsUnlimited,
            db.Testimonials.Where(t => t.ProductId == p.Id && !t.IsHidden).Average(t => (double?)t.Rating),
            db.Testimonials.Count(t => t.ProductId == p.Id && !t.IsHidden)) { WarrantyDays = p.WarrantyDays });

    /// <summary>
    /// Active products in active categories whose name or code contains <paramref name="query"/> (case-insensitive), by
    /// name, a page at a time. The query is a parameter and its <c>%</c>, <c>_</c> and <c>\</c> are escaped, so it only
    /// ever matches itself. PostgreSQL: ILIKE served by the trigram indexes; SQLite: LIKE (ASCII case-insensitive).
    /// </summary>
    public async Task<Page<ProductCard>> SearchAsync(string query, int pageIndex, int pageSize, CancellationToken ct)
    {
        var pattern = "%" + EscapeLike(query.Trim()) + "%";
        var products = db.Products.Where(p => p.IsActive && p.Category!.IsActive);
        products = db.IsPostgres
            ? products.Where(p => EF.Functions.ILike(p.Name, pattern, LikeEscape) || EF.Functions.ILike(p.Code, pattern, LikeEscape))
            : products.Where(p => EF.Functions.Like(p.Name, pattern, LikeEscape) || EF.Functions.Like(p.Code, pattern, LikeEscape));
        var total = await products.CountAsync(ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / pageSize));
        var items = await Cards(products.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(pageIndex * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<ProductCard>(items, pageIndex, pageSize, total);
    }

    private const string LikeEscape = "\\";

    /// <summary>Makes LIKE wildcards in buyer text literal.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_",
            StringComparison.Ordinal);

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
