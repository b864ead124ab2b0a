using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Adds stock items (one line = one item) and deletes unsold ones; used by the dashboard and the <c>import-stock</c> job.
/// A line already stocked for the product (same <see cref="StockItem.HashOf"/>, unique index) is a duplicate, as is a
/// repeat within the same upload. Only an Available item can be deleted (conditional delete), never a reserved or sold one.
/// </summary>
public sealed class StockImportService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxItemLength = 4000;
    private const int LookupChunk = 500;

    public async Task<StockImportResult> ImportAsync(long productId, IEnumerable<string> lines, string actor, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct)) return new StockImportResult(false, 0, 0, 0);
        var candidates = new Dictionary<string, string>(); // hash → content, first occurrence wins
        int duplicates = 0, tooLong = 0;
        foreach (var raw in lines)
        {
            var content = raw.Trim();
            if (content.Length == 0) continue;
            if (content.Length > MaxItemLength) { tooLong++; continue; }
            if (!candidates.TryAdd(StockItem.HashOf(content), content)) duplicates++;
        }

        for (var attempt = 0; ; attempt++)
        {
            var existing = new HashSet<string>();
            foreach (var chunk in candidates.Keys.Chunk(LookupChunk))
                existing.UnionWith(await db.StockItems.Where(s => s.ProductId == productId && chunk.Contains(s.ContentHash))
                    .Select(s => s.ContentHash).ToListAsync(ct));
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = candidates.Where(c => !existing.Contains(c.Key)).Select(c => new StockItem(productId, c.Value, now)).ToList();
            db.StockItems.AddRange(fresh);
            var result = new StockImportResult(true, fresh.Count, duplicates + existing.Count, tooLong);
            audit.Record(actor, "stock.added", "Product", productId, new { added = result.Added, duplicates = result.Duplicates, tooLong });
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException e) when (attempt < 2 && DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear(); // someone stocked one of these lines at the same moment: look again
            }
        }
    }

    /// <summary>Deletes an item only while it is Available; false when it is reserved, sold or gone.</summary>
    public async Task<bool> DeleteAvailableAsync(long productId, long itemId, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.StockItems
            .Where(s => s.Id == itemId && s.ProductId == productId && s.Status == StockItemStatus.Available)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0) return false;
        audit.Record(actor, "stock.deleted", "Product", productId, new { itemId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
