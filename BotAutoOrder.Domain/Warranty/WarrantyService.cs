using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Warranty;

/// <summary>
/// The buyer's side of a warranty claim: which items of a paid order may be claimed (within the product's window,
/// counted from delivery), the draft (item → reason → optional screenshot), and opening it — the sellers are told and,
/// when the store allows it, the item is replaced at once (<see cref="ClaimResolutionService.TryAutoReplaceAsync"/>).
/// </summary>
public sealed class WarrantyService(AppDbContext db, StockCipher cipher, ClaimResolutionService resolutions, Outbox outbox, AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The delivered items of the buyer's paid order that carry a warranty still running.</summary>
    public async Task<ClaimItems> ItemsAsync(long customerId, long orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId && o.CustomerId == customerId)
            .Select(o => new { o.Status, o.PaidAtUtc, o.InvoiceCode }).FirstOrDefaultAsync(ct);
        if (order is not { Status: OrderStatus.Paid }) return new ClaimItems(ClaimStartOutcome.NotAllowed, []);
        var items = await (from s in db.StockItems
                           join p in db.Products on s.ProductId equals p.Id
                           where s.OrderId == orderId && s.Status == StockItemStatus.Sold && p.WarrantyDays > 0
                           orderby s.Id
                           select new { s.Id, p.Name, p.WarrantyDays, s.Ciphertext, s.KeyId }).ToListAsync(ct);
        if (items.Count == 0) return new ClaimItems(ClaimStartOutcome.NoWarranty, []);
        var now = clock.GetUtcNow().UtcDateTime;
        var running = items.Where(i => WarrantyRules.IsWithin(order.PaidAtUtc, i.WarrantyDays, now)).ToList();
        if (running.Count == 0)
            return new ClaimItems(ClaimStartOutcome.WindowClosed, [],
                WarrantyRules.WindowEnd(order.PaidAtUtc, items.Max(i => i.WarrantyDays)));
        var ids = running.Select(i => i.Id).ToList();
        var open = await db.WarrantyClaims.Where(c => ids.Contains(c.StockItemId) && c.Status == WarrantyClaimStatus.Open)
            .Select(c => c.StockItemId).ToListAsync(ct);
        return new ClaimItems(ClaimStartOutcome.Drafting, running.Select(i =>
            new ClaimableItem(i.Id, i.Name, StockItem.Mask(cipher.Open(i.Ciphertext, i.KeyId)), open.Contains(i.Id))).ToList(),
            InvoiceCode: order.InvoiceCode);
    }

    /// <summary>Whether a paid order holds a product that carries a warranty (its "claim" button is shown).</summary>
    public async Task<bool> OffersClaimAsync(Order order, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Paid) return false;
        var productIds = order.Lines.Select(l => l.ProductId).ToList();
        return await db.Products.AnyAsync(p => productIds.Contains(p.Id) && p.WarrantyDays > 0, ct);
    }

    /// <summary>The buyer picked an item: a draft waits for the reason (the buyer's other drafts are dropped).</summary>
    public async Task<ClaimStart> StartAsync(long customerId, long orderId, long stockItemId, CancellationToken ct)
    {
        var found = await (from s in db.StockItems
                           join o in db.Orders on s.OrderId equals o.Id
                           join p in db.Products on s.ProductId equals p.Id
                           where s.Id == stockItemId && s.OrderId == orderId && o.CustomerId == customerId
                                 && o.Status == OrderStatus.Paid && s.Status == StockItemStatus.Sold
                           select new { s.ProductId, p.Name, p.WarrantyDays, o.PaidAtUtc }).FirstOrDefaultAsync(ct);
        if (found is null) return new ClaimStart(ClaimStartOutcome.NotAllowed);
        if (found.WarrantyDays <= 0) return new ClaimStart(ClaimStartOutcome.NoWarranty, ProductName: found.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var end = WarrantyRules.WindowEnd(found.PaidAtUtc, found.WarrantyDays);
        if (!WarrantyRules.IsWithin(found.PaidAtUtc, found.WarrantyDays, now))
            return new ClaimStart(ClaimStartOutcome.WindowClosed, ProductName: found.Name, WindowEndUtc: end);
        if (await db.WarrantyClaims.AnyAsync(c => c.StockItemId == stockItemId && c.Status == WarrantyClaimStatus.Refunded, ct))
            return new ClaimStart(ClaimStartOutcome.AlreadySettled, ProductName: found.Name);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var current = await db.WarrantyClaims.FirstOrDefaultAsync(c => c.StockItemId == stockItemId
                && WarrantyClaim.NotClosed.Contains(c.Status), ct);
            if (current is { Status: WarrantyClaimStatus.Open })
                return new ClaimStart(ClaimStartOutcome.AlreadyOpen, current.Id, found.Name, end);
            await DropOtherDraftsAsync(customerId, current?.Id, ct);
            if (current is not null) current.Restart(now);
            else
            {
                current = new WarrantyClaim(orderId, found.ProductId, stockItemId, customerId, now);
                db.WarrantyClaims.Add(current);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return new ClaimStart(ClaimStartOutcome.Drafting, current.Id, found.Name, end);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // The same item was picked twice at once (a double tap): the other draft won; use it.
                db.ChangeTracker.Clear();
            }
        }
        return new ClaimStart(ClaimStartOutcome.AlreadyOpen, ProductName: found.Name, WindowEndUtc: end);
    }

    /// <summary>
    /// The buyer's text and/or photo while a draft waits (<see cref="WarrantyRules.DraftLifetime"/>): the first text is the
    /// reason, a photo the screenshot; reason plus screenshot opens the claim. <see cref="ClaimInputOutcome.None"/> when no
    /// draft waits, so the message goes on to the other handlers.
    /// </summary>
    public async Task<ClaimInput> TakeInputAsync(long customerId, string? text, string? photoFileId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - WarrantyRules.DraftLifetime;
        var draft = await db.WarrantyClaims
            .Where(c => c.CustomerId == customerId
                && (c.Status == WarrantyClaimStatus.Drafting || c.Status == WarrantyClaimStatus.AwaitingScreenshot)
                        && c.UpdatedAtUtc >= since)
            .OrderByDescending(c => c.UpdatedAtUtc).FirstOrDefaultAsync(ct);
        if (draft is null) return new ClaimInput(ClaimInputOutcome.None);
        var hasText = !string.IsNullOrWhiteSpace(text);
        var hasPhoto = !string.IsNullOrWhiteSpace(photoFileId);
        if (draft.Status == WarrantyClaimStatus.Drafting)
        {
            if (hasPhoto) draft.SetPhoto(photoFileId!, now);
            if (!hasText)
            {
                await db.SaveChangesAsync(ct);
                return new ClaimInput(ClaimInputOutcome.NeedReason, draft.Id);
            }
            draft.SetReason(text!, now);
            await db.SaveChangesAsync(ct);
            // A screenshot sent before the reason counts: the buyer is not asked for it again.
            return hasPhoto || draft.PhotoFileId is not null
                ? await SubmitAsync(customerId, draft.Id, ct)
                : new ClaimInput(ClaimInputOutcome.NeedScreenshot, draft.Id);
        }
        if (!hasPhoto) return new ClaimInput(ClaimInputOutcome.NeedScreenshot, draft.Id);
        draft.SetPhoto(photoFileId!, now);
        await db.SaveChangesAsync(ct);
        return await SubmitAsync(customerId, draft.Id, ct);
    }

    /// <summary>The buyer skipped the screenshot: the claim opens with the reason alone.</summary>
    public Task<ClaimInput> SkipScreenshotAsync(long customerId, long claimId, CancellationToken ct) =>
        SubmitAsync(customerId, claimId, ct);

    /// <summary>The buyer gave up on a draft. False when there is no such draft (a stale button).</summary>
    public async Task<bool> CancelDraftAsync(long customerId, long claimId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WarrantyClaims.Where(c => c.Id == claimId && c.CustomerId == customerId
                && (c.Status == WarrantyClaimStatus.Drafting || c.Status == WarrantyClaimStatus.AwaitingScreenshot))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, WarrantyClaimStatus.Cancelled).SetProperty(c => c.UpdatedAtUtc, now),
                ct) == 1;
    }

    /// <summary>
    /// AwaitingScreenshot → Open with a conditional update (a double tap on "skip" opens it once), the sellers' notice and
    /// the audit entry in the same transaction; then the automatic replacement, if the store allows it.
    /// </summary>
    private async Task<ClaimInput> SubmitAsync(long customerId, long claimId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var opened = await db.WarrantyClaims.Where(c => c.Id == claimId && c.CustomerId == customerId
                    && c.Status == WarrantyClaimStatus.AwaitingScreenshot && c.Reason != null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, WarrantyClaimStatus.Open)
                    .SetProperty(c => c.SubmittedAtUtc, now).SetProperty(c => c.UpdatedAtUtc, now), ct);
            if (opened == 0) return new ClaimInput(ClaimInputOutcome.None);
            var claim = await db.WarrantyClaims.AsNoTracking().FirstAsync(c => c.Id == claimId, ct);
            outbox.ToAdmins(OutboxKinds.ClaimOpenedAdmin, new ClaimPayload(claimId), $"claim:{claimId}:opened");
            var telegramId = await db.Customers.Where(c => c.Id == customerId).Select(c => c.TelegramUserId).FirstAsync(ct);
            audit.Record(AuditLog.Buyer(telegramId), AuditActions.ClaimOpened, "WarrantyClaim", claimId,
                new { claim.OrderId, claim.ProductId, claim.StockItemId, photo = claim.PhotoFileId is not null });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var auto = await resolutions.TryAutoReplaceAsync(claimId, ct);
        return new ClaimInput(ClaimInputOutcome.Submitted, claimId, auto.Succeeded);
    }

    private Task DropOtherDraftsAsync(long customerId, long? keep, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = keep ?? 0;
        return db.WarrantyClaims.Where(c => c.CustomerId == customerId && c.Id != kept
                && (c.Status == WarrantyClaimStatus.Drafting || c.Status == WarrantyClaimStatus.AwaitingScreenshot))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, WarrantyClaimStatus.Cancelled).SetProperty(c => c.UpdatedAtUtc, now), ct);
    }
}
