using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// Turns an order paid, inside the caller's transaction: one conditional status update (so it happens once), the
/// reserved items sold to the order (count checked against the ordered quantity), the delivery and the admins'
/// notification written to the outbox, and the audit entry.
/// </summary>
public sealed class FulfilmentService(AppDbContext db, StockService stock, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>How long after the goods the rating prompt is due (see where it is queued).</summary>
    public static readonly TimeSpan ReviewPromptDelay = TimeSpan.FromSeconds(5);

    /// <summary>PendingPayment → Paid. False when the order was not pending (already paid, expired, cancelled).</summary>
    public async Task<bool> PayPendingAsync(long orderId, string actor, string how, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.PendingPayment)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.PaidAtUtc, now), ct);
        if (changed == 0) return false;
        await SellAndNotifyAsync(orderId, actor, AuditActions.OrderPaid, how, ct);
        return true;
    }

    /// <summary>
    /// Expired/Cancelled → Paid for a payment that arrived late: only when every line's stock can be reserved again.
    /// False (and nothing changed) when stock is short.
    /// </summary>
    public async Task<bool> PayClosedAsync(long orderId, string actor, string how, CancellationToken ct)
    {
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).ToListAsync(ct);
        foreach (var line in lines)
        {
            if (await stock.ReserveAsync(line.ProductId, orderId, line.Quantity, ct)) continue;
            await stock.ReleaseAsync(orderId, ct);
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Orders
            .Where(o => o.Id == orderId && (o.Status == OrderStatus.Expired || o.Status == OrderStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.PaidAtUtc, now)
                .SetProperty(o => o.ClosedAtUtc, (DateTime?)null), ct);
        if (changed == 0)
        {
            await stock.ReleaseAsync(orderId, ct);
            return false;
        }
        await SellAndNotifyAsync(orderId, actor, AuditActions.OrderPaidLate, how, ct);
        return true;
    }

    /// <summary>Gives back what an order holds after a fulfilment was refused (in the caller's transaction).</summary>
    public Task<int> ReleaseAsync(long orderId, CancellationToken ct) => stock.ReleaseAsync(orderId, ct);

    private async Task SellAndNotifyAsync(long orderId, string actor, string action, string how, CancellationToken ct)
    {
        var expected = await db.OrderLines.Where(l => l.OrderId == orderId).SumAsync(l => l.Quantity, ct);
        var sold = await stock.SellReservedAsync(orderId, ct);
        if (sold != expected) throw new FulfilmentShortException(orderId, expected, sold);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.InvoiceCode, o.Total,
                ChatId = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.TelegramUserId).First() })
            .FirstAsync(ct);
        outbox.ToChat(order.ChatId, OutboxKinds.OrderDelivery, new OrderPayload(orderId), $"delivery:{orderId}");
        outbox.ToChat(order.ChatId, OutboxKinds.OrderQrClosed, new OrderPayload(orderId, "paid"), $"qr:{orderId}:paid");
        outbox.ToAdmins(OutboxKinds.OrderPaidAdmin, new OrderPayload(orderId, how), $"paid:{orderId}");
        var withTerms =
            await db.OrderLines.Where(l => l.OrderId == orderId && db.Products.Any(p => p.Id == l.ProductId && p.TermsText != null))
            .Select(l => l.ProductId).ToListAsync(ct);
        foreach (var productId in withTerms)
            outbox.ToChat(order.ChatId, OutboxKinds.OrderTerms, new OrderTermsPayload(orderId, productId), $"terms:{orderId}:{productId}");
        // Asks for a rating after the goods (ADR-021), a few seconds later: lanes order what is due together, but several
        // calls are in flight at once, so a prompt due with the goods could reach Telegram first (or take the 429 meant
        // for them). The buyer looks at the goods first anyway.
        outbox.ToChat(order.ChatId, OutboxKinds.ReviewPrompt, new OrderPayload(orderId), $"review:{orderId}", after: ReviewPromptDelay);
        audit.Record(actor, action, "Order", orderId, new { order.InvoiceCode, order.Total, items = sold, how });
    }
}
