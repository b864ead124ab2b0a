using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Adds stock items (one line = one item) and deletes unsold ones; used by the dashboard and the <c>import-stock</c> job.
/// A line already stocked for the product (same keyed fingerprint, unique index) is a duplicate, as is a repeat within
/// the same upload. Lines are sealed by <see cref="StockCipher"/> before they reach the database. While a key rotation
/// runs, older items still carry the previous key's fingerprint, so every loaded key's fingerprint is looked up. Only an Available item can
/// be deleted (conditional delete), never a reserved or sold one.
/// </summary>
public sealed class StockImportService(AppDbContext db, AuditLog audit, StockCipher cipher, Restock.RestockService restock,
    TimeProvider clock)
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
            if (!candidates.TryAdd(cipher.Fingerprint(content), content)) duplicates++;
        }
        // Every fingerprint a candidate may be stored under → the candidate (keyed by its current fingerprint).
        var lookup = new Dictionary<string, string>();
        foreach (var (current, content) in candidates)
            foreach (var fingerprint in cipher.Fingerprints(content)) lookup[fingerprint] = current;

        for (var attempt = 0; ; attempt++)
        {
            var existing = new HashSet<string>();
            foreach (var chunk in lookup.Keys.Chunk(LookupChunk))
                existing.UnionWith((await db.StockItems.Where(s => s.ProductId == productId && chunk.Contains(s.ContentHash))
                    .Select(s => s.ContentHash).ToListAsync(ct)).Select(h => lookup[h]));
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = candidates.Where(c => !existing.Contains(c.Key)).Select(c =>
                new StockItem(productId, cipher.Seal(c.Value), now)).ToList();
            db.StockItems.AddRange(fresh);
            var result = new StockImportResult(true, fresh.Count, duplicates + existing.Count, tooLong);
            audit.Record(actor, AuditActions.StockAdded, "Product", productId,
                new { added = result.Added, duplicates = result.Duplicates, tooLong });
            // Buyers waiting for this product are told in the same unit of work as the stock that arrived.
            if (fresh.Count > 0) await restock.QueueAlertsAsync(productId, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException e) when (attempt < 2 && (DbErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException))
            {
                // DbUpdateConcurrencyException: a concurrent import already told (and removed) the waiting buyers.
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
        audit.Record(actor, AuditActions.StockDeleted, "Product", productId, new { itemId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
