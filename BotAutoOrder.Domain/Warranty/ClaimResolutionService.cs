using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Warranty;

/// <summary>
/// A seller's (or the automatic) decision on an open claim: replace, refund to balance, or reject. Each is one
/// transaction that first moves the claim out of Open with a conditional update, so a double click or two sellers at
/// once decide it once; the buyer's message, the audit entry and the money or stock change commit with it.
/// </summary>
public sealed class ClaimResolutionService(AppDbContext db, ReplacementStock stock, BalanceService balances, SettingsService settings,
    Outbox outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>The actor of automatic replacements in the audit log.</summary>
    public static readonly string AutoActor = AuditLog.Job("claims");

    /// <summary>
    /// Takes one fresh item of the product, sells it to the claim's order, marks the claimed item Replaced and queues the
    /// new item on the delivery lane. Stock short: nothing changes, the claim stays open, the sellers get a low-stock alert.
    /// </summary>
    public Task<ClaimResolution> ReplaceAsync(long claimId, string actor, CancellationToken ct) =>
        ReplaceCoreAsync(claimId, actor, auto: false, ct);

    /// <summary>The store's automatic replacement of a just-opened claim, when the setting is on and the buyer is under the cap.</summary>
    public async Task<ClaimResolution> TryAutoReplaceAsync(long claimId, CancellationToken ct)
    {
        if (!(await settings.GetAsync(ct)).ClaimsAutoReplace) return new ClaimResolution(ClaimResolutionOutcome.AutoOff);
        return await ReplaceCoreAsync(claimId, AutoActor, auto: true, ct);
    }

    /// <summary>Credits the item's share of the order to the buyer's balance, once (ledger reference <c>claim:{id}</c>).</summary>
    public async Task<ClaimResolution> RefundAsync(long claimId, string? note, string actor, CancellationToken ct)
    {
        var claim = await db.WarrantyClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return new ClaimResolution(ClaimResolutionOutcome.NotFound);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstAsync(o => o.Id == claim.OrderId, ct);
        if (order.Status != OrderStatus.Paid) return new ClaimResolution(ClaimResolutionOutcome.WrongState, order.Status.ToString());
        var line = order.Lines.First(l => l.ProductId == claim.ProductId);
        var share = WarrantyRules.ItemShare(line, order);
        var text = Clean(note);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The order's row, taken and checked again inside the transaction: a whole-order refund racing this one waits for
        // it and then subtracts this share (OrderAdminService.RefundToBalanceAsync), or has already made the order Refunded.
        if (await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Paid)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, o => o.Status), ct) == 0)
            return new ClaimResolution(ClaimResolutionOutcome.WrongState, OrderStatus.Refunded.ToString());
        if (!await CloseAsync(claimId, WarrantyClaimStatus.Refunded, actor, text, ct, refund: share))
            return new ClaimResolution(ClaimResolutionOutcome.WrongState, claim.Status.ToString());
        if (share > 0)
        {
            var credit = await balances.ApplyAsync(claim.CustomerId, BalanceEntryKind.Refund, share, $"claim:{claimId}",
                text ?? $"Garansi #{claimId} {order.InvoiceCode}", actor, ct);
            if (!credit.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new ClaimResolution(ClaimResolutionOutcome.WrongState, credit.Outcome.ToString());
            }
        }
        await TellBuyerAsync(claim, OutboxKinds.ClaimResolved, "refunded", ct);
        audit.Record(actor, AuditActions.ClaimRefunded, "WarrantyClaim", claimId,
            new { claim.OrderId, claim.StockItemId, amount = share, note = text });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ClaimResolution(ClaimResolutionOutcome.Done);
    }

    /// <summary>Rejects an open claim with a note for the buyer (required).</summary>
    public async Task<ClaimResolution> RejectAsync(long claimId, string note, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var claim = await db.WarrantyClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return new ClaimResolution(ClaimResolutionOutcome.NotFound);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await CloseAsync(claimId, WarrantyClaimStatus.Rejected, actor, Clean(note), ct))
            return new ClaimResolution(ClaimResolutionOutcome.WrongState, claim.Status.ToString());
        await TellBuyerAsync(claim, OutboxKinds.ClaimResolved, "rejected", ct);
        audit.Record(actor, AuditActions.ClaimRejected, "WarrantyClaim", claimId,
            new { claim.OrderId, claim.StockItemId, note = Clean(note) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ClaimResolution(ClaimResolutionOutcome.Done);
    }

    private async Task<ClaimResolution> ReplaceCoreAsync(long claimId, string actor, bool auto, CancellationToken ct)
    {
        var claim = await db.WarrantyClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return new ClaimResolution(ClaimResolutionOutcome.NotFound);
        var orderStatus = await db.Orders.Where(o => o.Id == claim.OrderId).Select(o => o.Status).FirstAsync(ct);
        if (orderStatus != OrderStatus.Paid) return new ClaimResolution(ClaimResolutionOutcome.WrongState, orderStatus.ToString());
        // Every buyer of an unlimited product gets the same content: another copy would be the same thing again. Such a
        // claim is refunded or rejected; it is never "out of stock" (no low-stock alert for a product that has no stock).
        if (await db.Products.AnyAsync(p => p.Id == claim.ProductId && p.IsUnlimited, ct))
            return new ClaimResolution(ClaimResolutionOutcome.WrongState, "unlimited product: refund or reject");

        var outcome = ClaimResolutionOutcome.Done;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (auto && await CapReachedAsync(claim.CustomerId, ct)) return new ClaimResolution(ClaimResolutionOutcome.CapReached);
            if (!await CloseAsync(claimId, WarrantyClaimStatus.Replaced, actor, null, ct, auto: auto))
                return new ClaimResolution(ClaimResolutionOutcome.WrongState, claim.Status.ToString());
            var fresh = await stock.TakeOneAsync(claim.ProductId, claim.OrderId, ct);
            if (fresh is null) outcome = ClaimResolutionOutcome.OutOfStock; // disposing the transaction rolls the claim back to Open
            else
            {
                var old = await db.StockItems
                    .Where(s => s.Id == claim.StockItemId && s.OrderId == claim.OrderId && s.Status == StockItemStatus.Sold)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StockItemStatus.Replaced), ct);
                if (old != 1) return new ClaimResolution(ClaimResolutionOutcome.WrongState, "item already replaced");
                await db.WarrantyClaims.Where(c => c.Id == claimId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplacementStockItemId, fresh), ct);
                await TellBuyerAsync(claim, OutboxKinds.ClaimReplaced, "replaced", ct);
                audit.Record(actor, AuditActions.ClaimReplaced, "WarrantyClaim", claimId,
                    new { claim.OrderId, claim.ProductId, oldItem = claim.StockItemId, newItem = fresh, auto });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        if (outcome == ClaimResolutionOutcome.OutOfStock) await AlertShortAsync(claim, actor, ct);
        return new ClaimResolution(outcome);
    }

    /// <summary>Open → <paramref name="status"/>, only if still open: the guard that makes every decision happen once.</summary>
    private async Task<bool> CloseAsync(long claimId, WarrantyClaimStatus status, string actor, string? note, CancellationToken ct,
        long? refund = null, bool auto = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WarrantyClaims.Where(c => c.Id == claimId && c.Status == WarrantyClaimStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, status)
                .SetProperty(c => c.ResolvedAtUtc, now)
                .SetProperty(c => c.ResolvedBy, actor)
                .SetProperty(c => c.ResolutionNote, note)
                .SetProperty(c => c.RefundAmount, refund)
                .SetProperty(c => c.AutoResolved, auto), ct) == 1;
    }

    /// <summary>
    /// The buyer's automatic replacements in the period reached the cap. On PostgreSQL the buyer's row is locked first, so
    /// two claims of one buyer decided at once by two instances count each other.
    /// </summary>
    private async Task<bool> CapReachedAsync(long customerId, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        if (db.IsPostgres)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM customers WHERE "Id" = {customerId} FOR UPDATE""", ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-rules.ClaimsAutoReplaceDays);
        var used = await db.WarrantyClaims.CountAsync(c => c.CustomerId == customerId && c.AutoResolved
            && c.Status == WarrantyClaimStatus.Replaced && c.ResolvedAtUtc >= since, ct);
        return used >= rules.ClaimsAutoReplaceMax;
    }

    /// <summary>No stock for a replacement: the sellers hear it at once (the low-stock notice), whatever the threshold flag says.</summary>
    private async Task AlertShortAsync(WarrantyClaim claim, string actor, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var threshold = await db.Products.Where(p => p.Id == claim.ProductId).Select(p => p.LowStockThreshold).FirstAsync(ct)
                        ?? (await settings.GetAsync(ct)).LowStockThreshold;
        var available = await db.StockItems.CountAsync(s => s.ProductId == claim.ProductId && s.Status == StockItemStatus.Available, ct);
        await db.Products.Where(p => p.Id == claim.ProductId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LowStockAlerted, true), ct);
        outbox.ToAdmins(OutboxKinds.LowStockAdmin, new LowStockPayload(claim.ProductId, available, threshold));
        audit.Record(actor, AuditActions.ClaimReplaceShort, "WarrantyClaim", claim.Id, new { claim.ProductId, available });
        await db.SaveChangesAsync(ct);
    }

    private async Task TellBuyerAsync(WarrantyClaim claim, string kind, string what, CancellationToken ct)
    {
        var chatId = await db.Customers.Where(c => c.Id == claim.CustomerId).Select(c => c.TelegramUserId).FirstAsync(ct);
        outbox.ToChat(chatId, kind, new ClaimPayload(claim.Id), $"claim:{claim.Id}:{what}");
    }

    private static string? Clean(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return null;
        var t = note.Trim();
        return t.Length > WarrantyClaim.MaxNoteLength ? t[..WarrantyClaim.MaxNoteLength] : t;
    }
}
