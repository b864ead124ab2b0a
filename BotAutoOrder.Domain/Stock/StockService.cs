using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Moves stock items between Available, Reserved and Sold with conditional updates whose row counts are checked,
/// inside the caller's transaction. On PostgreSQL candidates are locked with <c>FOR UPDATE SKIP LOCKED</c> so
/// concurrent checkouts take different rows; on SQLite the write lock serialises them. Either way the update repeats
/// the status condition, so an item can never be reserved or sold twice.
/// </summary>
public sealed class StockService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Reserves exactly <paramref name="quantity"/> available items of a product for an order, or none.</summary>
    /// <returns>True when all were reserved; false (and nothing reserved by this call) when stock is short.</returns>
    public async Task<bool> ReserveAsync(long productId, long orderId, int quantity, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await CandidatesAsync(productId, quantity, ct);
        if (candidates.Count < quantity) return false;
        var reserved = await db.StockItems
            .Where(s => candidates.Contains(s.Id) && s.Status == StockItemStatus.Available)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StockItemStatus.Reserved)
                .SetProperty(x => x.OrderId, orderId)
                .SetProperty(x => x.ReservedAtUtc, now), ct);
        if (reserved == quantity) return true;
        // Someone took some of them between our read and our write: give back what we got.
        await db.StockItems
            .Where(s => candidates.Contains(s.Id) && s.OrderId == orderId && s.Status == StockItemStatus.Reserved)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StockItemStatus.Available)
                .SetProperty(x => x.OrderId, (long?)null)
                .SetProperty(x => x.ReservedAtUtc, (DateTime?)null), ct);
        return false;
    }

    /// <summary>Returns an order's reserved items to Available (expiry, cancel, failed gateway).</summary>
    public Task<int> ReleaseAsync(long orderId, CancellationToken ct) =>
        db.StockItems
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Reserved)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StockItemStatus.Available)
                .SetProperty(x => x.OrderId, (long?)null)
                .SetProperty(x => x.ReservedAtUtc, (DateTime?)null), ct);

    /// <summary>Marks an order's reserved items sold; returns how many (the caller checks it equals the ordered quantity).</summary>
    public Task<int> SellReservedAsync(long orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.StockItems
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Reserved)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StockItemStatus.Sold).SetProperty(x => x.SoldAtUtc, now), ct);
    }

    /// <summary>Available count per product (available means neither reserved nor sold).</summary>
    public async Task<Dictionary<long, int>> AvailableCountsAsync(IReadOnlyCollection<long> productIds, CancellationToken ct) =>
        await db.StockItems
            .Where(s => productIds.Contains(s.ProductId) && s.Status == StockItemStatus.Available)
            .GroupBy(s => s.ProductId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private async Task<List<long>> CandidatesAsync(long productId, int quantity, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await db.Database.SqlQuery<long>(
                $"""SELECT "Id" AS "Value" FROM stock_items WHERE "ProductId" = {productId} AND "Status" = 'Available' ORDER BY "Id" LIMIT {quantity} FOR UPDATE SKIP LOCKED""")
                .ToListAsync(ct);
        }
        return await db.StockItems
            .Where(s => s.ProductId == productId && s.Status == StockItemStatus.Available)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(quantity).ToListAsync(ct);
    }
}
