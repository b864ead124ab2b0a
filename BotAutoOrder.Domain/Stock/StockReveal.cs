using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>Shows one delivered item of an order in full and writes who looked at it to the audit log.</summary>
public sealed class StockReveal(AppDbContext db, AuditedSave save, StockCipher cipher)
{
    /// <summary>
    /// The item's content, or null when the item is not a delivered item of that order (sold, or sold and then replaced
    /// under warranty: the seller may need to see what the buyer reported broken).
    /// </summary>
    public async Task<string?> RevealAsync(long orderId, long itemId, string actor, CancellationToken ct)
    {
        var item = await db.StockItems.Where(s => s.Id == itemId && s.OrderId == orderId
                && (s.Status == StockItemStatus.Sold || s.Status == StockItemStatus.Replaced))
            .Select(s => new { s.Ciphertext, s.KeyId }).FirstOrDefaultAsync(ct);
        if (item is null) return null;
        var content = cipher.Open(item.Ciphertext, item.KeyId);
        await save.SaveAsync(actor, AuditActions.StockRevealed, "Order", () => orderId, () => new { itemId }, ct);
        return content;
    }
}
