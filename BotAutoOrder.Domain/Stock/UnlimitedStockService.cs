using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Restock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Turns a product into an unlimited one (the same content for every buyer) and back (ADR-021). The content is sealed
/// by <see cref="StockCipher"/> into the product's template stock item, so it is encrypted at rest, re-sealed by a key
/// rotation and backed up like any item. Copies already sold keep the content they were sold with.
/// </summary>
public sealed class UnlimitedStockService(AppDbContext db, StockCipher cipher, RestockService restock, AuditLog audit, TimeProvider clock)
{
    public const int MaxContentLength = StockImportService.MaxItemLength;

    /// <summary>
    /// Sets the product unlimited. <paramref name="content"/> null or blank keeps the current content (false when there is
    /// none yet); longer than <see cref="MaxContentLength"/> is refused. Waiting buyers are told it is available.
    /// </summary>
    public async Task<bool> EnableAsync(long productId, string? content, string actor, CancellationToken ct)
    {
        content = content?.Trim();
        if (content is { Length: > MaxContentLength }) return false;
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var template = await db.StockItems.FirstOrDefaultAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Unlimited, ct);
        if (string.IsNullOrEmpty(content))
        {
            if (template is null) return false;
        }
        else
        {
            if (template is not null) db.StockItems.Remove(template);
            await db.SaveChangesAsync(ct);
            db.StockItems.Add(StockItem.UnlimitedTemplate(productId, cipher.Seal(content), now));
        }
        var changed = !product.IsUnlimited || !string.IsNullOrEmpty(content);
        product.SetUnlimited(true, now);
        // Never the content itself: the audit log is not encrypted.
        if (changed) audit.Record(actor, AuditActions.ProductUnlimitedSet, "Product", productId,
            new { contentChanged = !string.IsNullOrEmpty(content) });
        await restock.QueueAlertsAsync(productId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Back to normal stock: the template is deleted; sold copies stay with their orders.</summary>
    public async Task DisableAsync(long productId, string actor, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null || !product.IsUnlimited) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.StockItems.Where(s => s.ProductId == productId && s.Status == StockItemStatus.Unlimited).ExecuteDeleteAsync(ct);
        product.SetUnlimited(false, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, AuditActions.ProductUnlimitedUnset, "Product", productId, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The current content masked for display (<see cref="StockItem.Mask"/>), or null when none is set.</summary>
    public async Task<string?> MaskedContentAsync(long productId, CancellationToken ct)
    {
        var template = await db.StockItems.AsNoTracking()
            .Where(s => s.ProductId == productId && s.Status == StockItemStatus.Unlimited)
            .Select(s => new { s.Ciphertext, s.KeyId }).FirstOrDefaultAsync(ct);
        return template is null ? null : StockItem.Mask(cipher.Open(template.Ciphertext, template.KeyId));
    }
}
