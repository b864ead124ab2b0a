using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Moves stock items between Available, Reserved and Sold with conditional updates whose row counts are checked,
/// inside the caller's transaction. On PostgreSQL candidates are locked with <c>FOR UPDATE SKIP LOCKED</c> so
/// concurrent checkouts take different rows; on SQLite the write lock serialises them. Either way the update repeats
/// the status condition, so an item can never be reserved or sold twice. An unlimited product's units are copies of its
/// template made for the order (ADR-021): nothing to race for, and each copy still belongs to exactly one order.
/// </summary>
public sealed class StockService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Reserves exactly <paramref name="quantity"/> available items of a product for an order, or none.</summary>
    /// <returns>True when all were reserved; false (and nothing reserved by this call) when stock is short.</returns>
    public async Task<bool> ReserveAsync(long productId, long orderId, int quantity, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ReserveCopiesAsync(productId, orderId, quantity, now, ct)) return true;
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

    /// <summary>
    /// Returns an order's reserved items to Available (expiry, cancel, failed gateway). Copies of an unlimited product's
    /// template are deleted instead: they were made for this order and must never become stock of their own.
    /// </summary>
    public async Task<int> ReleaseAsync(long orderId, CancellationToken ct)
    {
        var copies = await db.StockItems.Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Reserved
            && s.IsCopy).ExecuteDeleteAsync(ct);
        return copies + await db.StockItems
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Reserved && !s.IsCopy)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StockItemStatus.Available)
                .SetProperty(x => x.OrderId, (long?)null)
                .SetProperty(x => x.ReservedAtUtc, (DateTime?)null), ct);
    }

    /// <summary>Marks an order's reserved items sold; returns how many (the caller checks it equals the ordered quantity).</summary>
    public Task<int> SellReservedAsync(long orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.StockItems
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Reserved)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StockItemStatus.Sold).SetProperty(x => x.SoldAtUtc, now), ct);
    }

    /// <summary>Available count per product (available means neither reserved nor sold; <see cref="UnlimitedCount"/> for an unlimited
    /// product).</summary>
    public async Task<Dictionary<long, int>> AvailableCountsAsync(IReadOnlyCollection<long> productIds, CancellationToken ct)
    {
        var counts = await db.StockItems
            .Where(s => productIds.Contains(s.ProductId) && s.Status == StockItemStatus.Available)
            .GroupBy(s => s.ProductId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var id in await UnlimitedIds(productIds).ToListAsync(ct)) counts[id] = UnlimitedCount;
        return counts;
    }

    /// <summary>
    /// What an unlimited product reports as available: more than any order takes (so "sold out" and the stepper's bounds
    /// need no special case), small enough that one order's copies stay a handful of rows. Shown to people as ∞.
    /// </summary>
    public const int UnlimitedCount = 1000;

    /// <summary>Unlimited products among <paramref name="productIds"/> that have their content (a template) set.</summary>
    private IQueryable<long> UnlimitedIds(IReadOnlyCollection<long> productIds) =>
        db.Products.Where(p => productIds.Contains(p.Id) && p.IsUnlimited
                               && db.StockItems.Any(s => s.ProductId == p.Id && s.Status == StockItemStatus.Unlimited))
            .Select(p => p.Id);

    /// <summary>
    /// For an unlimited product: one copy of the template per unit, reserved for the order (false, nothing written, for
    /// any other product). The copy carries the template's ciphertext as it is — the content is never decrypted here —
    /// and a random marker as its hash, since the unique (product, hash) index would refuse a second equal fingerprint.
    /// </summary>
    private async Task<bool> ReserveCopiesAsync(long productId, long orderId, int quantity, DateTime now, CancellationToken ct)
    {
        for (var i = 0; i < quantity; i++)
        {
            var marker = "copy:" + Guid.NewGuid().ToString("N");
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO stock_items ("ProductId", "Content", "KeyId", "ContentHash", "Status", "OrderId", "IsCopy", "CreatedAtUtc", "ReservedAtUtc")
                SELECT t."ProductId", t."Content", t."KeyId", {marker}, {nameof(StockItemStatus.Reserved)}, {orderId}, {true}, {now}, {now}
                FROM stock_items t
                WHERE t."ProductId" = {productId} AND t."Status" = {nameof(StockItemStatus.Unlimited)}
                  AND EXISTS (SELECT 1 FROM products p WHERE p."Id" = {productId} AND p."IsUnlimited" = {true})
                """, ct);
            if (inserted == 0)
            {
                // Not unlimited; or, in a later round, switched back to normal stock since the first copy (the template was
                // deleted by a commit in between): none of this call's copies may stay, or the order would hold too many.
                if (i > 0)
                    await db.StockItems.Where(s => s.OrderId == orderId && s.ProductId == productId && s.IsCopy
                                                   && s.Status == StockItemStatus.Reserved).ExecuteDeleteAsync(ct);
                return false;
            }
        }
        return true;
    }

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
