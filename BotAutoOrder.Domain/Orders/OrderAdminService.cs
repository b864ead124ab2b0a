using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Warranty;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// What an admin can do to an order from the dashboard. Each action is one transaction with the same conditional
/// updates the automatic paths use, so a manual "mark paid" and a gateway confirmation can never both fulfil.
/// </summary>
public sealed class OrderAdminService(AppDbContext db, FulfilmentService fulfilment, OrderLifecycleService lifecycle,
    BalanceService balances, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The buyer paid outside the bot's sight (a transfer, cash). The caller cancels the QRIS at the gateway first; the
    /// payment record stays open, so if the buyer pays the QRIS anyway the gateway confirmation still goes through the gate
    /// and ends as a balance credit with a reconciliation item (never silence). Refused when a gateway payment was already
    /// applied to the order, unless it is held for a decision (fulfilment failed): then marking paid is that decision.
    /// </summary>
    public async Task<OrderAdminResult> MarkPaidAsync(long orderId, string note, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return new OrderAdminResult(OrderAdminOutcome.NotFound);
        if (order.Status is OrderStatus.Paid or OrderStatus.Refunded) return new OrderAdminResult(OrderAdminOutcome.WrongState,
            order.Status.ToString());
        var applied = await db.Payments.Where(p => p.OrderId == orderId
            && p.AppliedAtUtc != null).Select(p => p.GatewayOrderId).ToListAsync(ct);
        if (applied.Count > 0
            && !await db.PaymentIssues.AnyAsync(i => applied.Contains(i.GatewayOrderId) && i.Kind == PaymentIssueKind.FulfilmentFailed, ct))
            return new OrderAdminResult(OrderAdminOutcome.WrongState, "payment already applied");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var how = "manual: " + note.Trim();
        bool paid;
        try
        {
            paid = order.Status == OrderStatus.PendingPayment
                ? await fulfilment.PayPendingAsync(orderId, actor, how, ct)
                : await fulfilment.PayClosedAsync(orderId, actor, how, ct);
        }
        catch (FulfilmentShortException)
        {
            paid = false;
        }
        if (!paid)
        {
            db.ChangeTracker.Clear();
            return new OrderAdminResult(order.Status == OrderStatus.PendingPayment ? OrderAdminOutcome.WrongState
                : OrderAdminOutcome.OutOfStock);
        }
        audit.Record(actor, AuditActions.OrderMarkedPaid, "Order", orderId, new { note = note.Trim() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new OrderAdminResult(OrderAdminOutcome.Done);
    }

    /// <summary>Queues the delivery of a paid order again.</summary>
    public async Task<OrderAdminResult> ResendAsync(long orderId, string actor, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.Status, ChatId = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.TelegramUserId).First() })
            .FirstOrDefaultAsync(ct);
        if (order is null) return new OrderAdminResult(OrderAdminOutcome.NotFound);
        if (order.Status != OrderStatus.Paid) return new OrderAdminResult(OrderAdminOutcome.WrongState, order.Status.ToString());
        outbox.ToChat(order.ChatId, OutboxKinds.OrderDelivery, new OrderPayload(orderId, "resend"));
        audit.Record(actor, AuditActions.OrderResent, "Order", orderId);
        await db.SaveChangesAsync(ct);
        return new OrderAdminResult(OrderAdminOutcome.Done);
    }

    /// <summary>Cancels an open invoice (the caller cancels it at the gateway first) and releases its stock.</summary>
    public async Task<OrderAdminResult> CancelAsync(long orderId, string note, string actor, CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == orderId, ct)) return new OrderAdminResult(OrderAdminOutcome.NotFound);
        return await lifecycle.CloseUnpaidAsync(orderId, OrderStatus.Cancelled, actor,
            string.IsNullOrWhiteSpace(note) ? "admin" : note.Trim(), ct)
            ? new OrderAdminResult(OrderAdminOutcome.Done)
            : new OrderAdminResult(OrderAdminOutcome.WrongState);
    }

    /// <summary>
    /// Paid → Refunded: the order's total goes to the buyer's balance (once: the ledger reference is the invoice), less
    /// what warranty claims of this order already refunded, so an item is never paid back twice; the order's claims that
    /// are still open or being written are closed (Cancelled, "order refunded"). The conditional update takes the order's
    /// row first, so a claim refund racing this one either finishes before (and is subtracted) or finds the order refunded.
    /// </summary>
    public async Task<OrderAdminResult> RefundToBalanceAsync(long orderId, string note, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return new OrderAdminResult(OrderAdminOutcome.NotFound);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Refunded), ct);
        if (changed == 0) return new OrderAdminResult(OrderAdminOutcome.WrongState, order.Status.ToString());
        var heldBack = await OrderDeliveryRules.CancelPendingAsync(db, orderId, ct); // no goods on top of the money
        var claimRefunds = await db.WarrantyClaims.Where(c => c.OrderId == orderId && c.Status == WarrantyClaimStatus.Refunded)
            .SumAsync(c => c.RefundAmount ?? 0, ct);
        var closedClaims = await db.WarrantyClaims.Where(c => c.OrderId == orderId && WarrantyClaim.NotClosed.Contains(c.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, WarrantyClaimStatus.Cancelled)
                .SetProperty(c => c.ResolvedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(c => c.ResolvedBy, actor)
                .SetProperty(c => c.ResolutionNote, "Pesanan sudah di-refund ke saldo / order refunded"), ct);
        var amount = Math.Max(0, order.Total - claimRefunds);
        if (amount > 0)
        {
            var credit = await balances.ApplyAsync(order.CustomerId, BalanceEntryKind.Refund, amount, order.InvoiceCode, note.Trim(),
                actor, ct);
            if (!credit.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new OrderAdminResult(OrderAdminOutcome.WrongState, credit.Outcome.ToString());
            }
        }
        var chatId = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.TelegramUserId).FirstAsync(ct);
        outbox.ToChat(chatId, OutboxKinds.OrderRefunded, new OrderPayload(orderId), $"refund:{orderId}");
        audit.Record(actor, AuditActions.OrderRefunded, "Order", orderId,
            new { order.Total, credited = amount, claimRefunds, claimsClosed = closedClaims, note = note.Trim(),
                deliveriesCancelled = heldBack });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new OrderAdminResult(OrderAdminOutcome.Done);
    }
}
