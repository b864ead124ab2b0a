using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>Closing unpaid orders and deposits (expiry, buyer or admin cancel): reservation and voucher use given back once.</summary>
public sealed class OrderLifecycleService(AppDbContext db, StockService stock, VoucherService vouchers, Outbox outbox, AuditLog audit,
    TimeProvider clock)
{
    /// <summary>PendingPayment → Expired or Cancelled. False when the order was no longer pending.</summary>
    public async Task<bool> CloseUnpaidAsync(long orderId, OrderStatus to, string actor, string reason, CancellationToken ct)
    {
        if (to is not (OrderStatus.Expired or OrderStatus.Cancelled)) throw new ArgumentOutOfRangeException(nameof(to));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.PendingPayment)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to).SetProperty(o => o.ClosedAtUtc, now), ct);
        if (changed == 0) return false;
        var released = await stock.ReleaseAsync(orderId, ct);
        await vouchers.ReleaseAsync(orderId, ct);
        // The payment's status stays the gateway's word: reconciliation keeps asking until the gateway says it is closed,
        // so a payment that still arrives is found and handled as a late payment.
        var chatId = await db.Orders.Where(o => o.Id == orderId)
            .Select(o => db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.TelegramUserId).First()).FirstAsync(ct);
        outbox.ToChat(chatId, OutboxKinds.OrderQrClosed, new OrderPayload(orderId, to == OrderStatus.Expired ? "expired" : "cancelled"),
            $"qr:{orderId}:closed");
        audit.Record(actor, to == OrderStatus.Expired ? AuditActions.OrderExpired : AuditActions.OrderCancelled, "Order", orderId,
            new { reason, released });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deposit Pending → Expired or Cancelled. False when it was no longer pending.</summary>
    public async Task<bool> CloseUnpaidDepositAsync(long depositId, DepositStatus to, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Deposits.Where(d => d.Id == depositId && d.Status == DepositStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, to), ct);
        if (changed == 0) return false;
        var chatId = await db.Deposits.Where(d => d.Id == depositId)
            .Select(d => db.Customers.Where(c => c.Id == d.CustomerId).Select(c => c.TelegramUserId).First()).FirstAsync(ct);
        outbox.ToChat(chatId, OutboxKinds.DepositQrClosed, new DepositPayload(depositId), $"depqr:{depositId}:closed");
        audit.Record(actor, to == DepositStatus.Expired ? AuditActions.DepositExpired : AuditActions.DepositCancelled, "Deposit",
            depositId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
