using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Warranty;

/// <summary>
/// Takes one fresh item of a product for a warranty replacement, the way <see cref="StockService.ReserveAsync"/> takes
/// items for a checkout (ADR-003): on PostgreSQL the candidate row is locked with <c>FOR UPDATE SKIP LOCKED</c>, so a
/// checkout holding it is skipped rather than waited for; on SQLite the write lock serialises. Either way the update
/// repeats <c>Status = Available</c> and its row count is checked, so an item a checkout took can never also be a
/// replacement (invariant 1). Runs in the caller's transaction.
/// </summary>
public sealed class ReplacementStock(AppDbContext db, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <returns>The item now sold to <paramref name="orderId"/>, or null when the product has no available item.</returns>
    public async Task<long?> TakeOneAsync(long productId, long orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var candidate = await CandidateAsync(productId, ct);
            if (candidate is null) return null;
            var taken = await db.StockItems
                .Where(s => s.Id == candidate && s.Status == StockItemStatus.Available)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, StockItemStatus.Sold)
                    .SetProperty(x => x.OrderId, orderId)
                    .SetProperty(x => x.ReservedAtUtc, now)
                    .SetProperty(x => x.SoldAtUtc, now), ct);
            if (taken == 1) return candidate;
            // A checkout took it between our read and our write (SQLite, or a row not yet locked): try the next one.
        }
        return null;
    }

    private async Task<long?> CandidateAsync(long productId, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            var ids = await db.Database.SqlQuery<long>(
                $"""SELECT "Id" AS "Value" FROM stock_items WHERE "ProductId" = {productId} AND "Status" = 'Available' ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .ToListAsync(ct);
            return ids.Count == 0 ? null : ids[0];
        }
        return await db.StockItems.Where(s => s.ProductId == productId && s.Status == StockItemStatus.Available)
            .OrderBy(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
    }
}
