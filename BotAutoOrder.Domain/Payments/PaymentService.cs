using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// Applies a payment the gateway has confirmed. The single gate is one conditional update
/// (<c>SET AppliedAtUtc WHERE AppliedAtUtc IS NULL</c>) in the same transaction as the effect, so however many webhooks,
/// polls and clicks race, the effect happens once. A paid amount is never dropped: it fulfils the order, fulfils it
/// late, or is credited to the balance with a reconciliation item for the admins.
/// </summary>
public sealed class PaymentService(AppDbContext db, FulfilmentService fulfilment, BalanceService balances, Outbox outbox,
    AuditLog audit, SettingsService settings, TimeProvider clock)
{
    /// <summary>
    /// Applies <paramref name="payment"/> as read by the caller (<see cref="PaymentConfirmation"/> reads it once), with what
    /// the gateway's status API said (never with a webhook body alone). Whatever happened to it since, the conditional
    /// update below is the gate: applied twice, it answers AlreadyApplied.
    /// </summary>
    public async Task<PaymentApplyResult> ApplyCompletedAsync(Payment payment, long confirmedAmount, DateTime? completedAtUtc,
        string actor, string rawStatus, CancellationToken ct)
    {
        if (payment.AppliedAtUtc is not null) return Result(PaymentApplyOutcome.AlreadyApplied, payment);
        if (confirmedAmount != payment.Amount)
        {
            // The caller's copy may be older than the gateway call: applied since (another instance) is not a mismatch.
            if (await db.Payments.AnyAsync(p => p.Id == payment.Id && p.AppliedAtUtc != null, ct))
                return Result(PaymentApplyOutcome.AlreadyApplied, payment);
            await RecordIssueAsync(PaymentIssueKind.AmountMismatch, payment, confirmedAmount,
                $"Gateway reports Rp{confirmedAmount} completed for {payment.GatewayOrderId}; we asked Rp{payment.Amount}.", ct);
            return Result(PaymentApplyOutcome.AmountMismatch, payment);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var gate = await db.Payments.Where(p => p.Id == payment.Id && p.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AppliedAtUtc, now).SetProperty(p => p.Status, PaymentStatus.Completed)
                .SetProperty(p => p.CompletedAtUtc, completedAtUtc ?? now).SetProperty(p => p.RawStatusResponse, rawStatus), ct);
        if (gate == 0) return Result(PaymentApplyOutcome.AlreadyApplied, payment);

        PaymentApplyOutcome outcome;
        try
        {
            outcome = payment.Purpose == PaymentPurpose.Deposit
                ? await CreditDepositAsync(payment, actor, ct)
                : await ApplyToOrderAsync(payment, actor, ct);
        }
        catch (FulfilmentShortException shortage)
        {
            // Retrying would fail the same way forever: end it in a decision for the admins, the money held.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await HoldForReviewAsync(payment, shortage, completedAtUtc, actor, rawStatus, ct);
        }
        audit.Record(actor, AuditActions.PaymentApplied, "Payment", payment.Id,
            new { payment.GatewayOrderId, payment.Amount, outcome = outcome.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result(outcome, payment);
    }

    /// <summary>
    /// The payment is applied (so no poll or webhook tries again) but neither fulfils nor credits: the order is cancelled
    /// with its reservation released, and a reconciliation item with an admin notice asks for a decision (restock and
    /// mark paid, or credit the buyer).
    /// </summary>
    private async Task<PaymentApplyResult> HoldForReviewAsync(Payment payment, FulfilmentShortException shortage, DateTime? completedAtUtc,
        string actor, string rawStatus, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var gate = await db.Payments.Where(p => p.Id == payment.Id && p.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AppliedAtUtc, now).SetProperty(p => p.Status, PaymentStatus.Completed)
                .SetProperty(p => p.CompletedAtUtc, completedAtUtc ?? now).SetProperty(p => p.RawStatusResponse, rawStatus), ct);
        if (gate == 0) return Result(PaymentApplyOutcome.AlreadyApplied, payment);
        await db.Orders.Where(o => o.Id == shortage.OrderId && o.Status == OrderStatus.PendingPayment)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Cancelled).SetProperty(o => o.ClosedAtUtc, now), ct);
        var released = await fulfilment.ReleaseAsync(shortage.OrderId, ct);
        var issue = AddIssue(PaymentIssueKind.FulfilmentFailed, payment, payment.TotalPayment,
            $"Paid Rp{payment.TotalPayment}, but only {shortage.Reserved} of {shortage.Ordered} items were reserved; order cancelled, " +
            $"{released} reserved items released. The payment is held: restock and mark paid, or credit the buyer.");
        audit.Record(actor, AuditActions.PaymentApplied, "Payment", payment.Id,
            new { payment.GatewayOrderId, payment.Amount, outcome = PaymentApplyOutcome.HeldForReview.ToString() });
        audit.Record(actor, AuditActions.PaymentIssue, "PaymentIssue", payment.GatewayOrderId, new { issue.Kind, issue.Detail });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result(PaymentApplyOutcome.HeldForReview, payment);
    }

    private async Task<PaymentApplyOutcome> ApplyToOrderAsync(Payment payment, string actor, CancellationToken ct)
    {
        var orderId = payment.OrderId!.Value;
        if (await fulfilment.PayPendingAsync(orderId, actor, "qris", ct)) return PaymentApplyOutcome.Fulfilled;
        var status = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).FirstAsync(ct);
        if (status is OrderStatus.Expired or OrderStatus.Cancelled && await fulfilment.PayClosedAsync(orderId, actor, "qris-late", ct))
        {
            outbox.ToAdmins(OutboxKinds.OrderLateAdmin, new OrderPayload(orderId, "fulfilled"), $"late:{orderId}");
            return PaymentApplyOutcome.FulfilledLate;
        }
        // Stock gone, or the order was settled another way (marked paid, refunded): the buyer's money goes to their balance.
        var settledOtherwise = status is OrderStatus.Paid or OrderStatus.Refunded;
        var credit = (await settings.GetAsync(ct)).LateCreditTotalPayment ? payment.TotalPayment : payment.Amount;
        var customerId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.CustomerId).FirstAsync(ct);
        await balances.ApplyAsync(customerId, BalanceEntryKind.LatePaymentCredit, credit, payment.GatewayOrderId,
            $"Payment for {payment.GatewayOrderId} arrived when the order was {status}", actor, ct);
        var issue = AddIssue(settledOtherwise ? PaymentIssueKind.PaidTwice : PaymentIssueKind.LatePaymentCredited, payment, credit,
            settledOtherwise
                ? $"Paid at the gateway although the order was already {status}; Rp{credit} credited to the buyer's balance."
                : $"Paid while the order was {status}; Rp{credit} credited to the buyer's balance.");
        var chatId = await db.Customers.Where(c => c.Id == customerId).Select(c => c.TelegramUserId).FirstAsync(ct);
        var reason = settledOtherwise ? "paid-twice" : "credited";
        outbox.ToChat(chatId, OutboxKinds.OrderLateCredit, new OrderPayload(orderId, reason), $"latecredit:{orderId}");
        outbox.ToAdmins(OutboxKinds.OrderLateAdmin, new OrderPayload(orderId, reason), $"late:{orderId}");
        audit.Record(actor, AuditActions.PaymentIssue, "PaymentIssue", payment.GatewayOrderId, new { issue.Kind, issue.Detail });
        return PaymentApplyOutcome.CreditedToBalance;
    }

    private async Task<PaymentApplyOutcome> CreditDepositAsync(Payment payment, string actor, CancellationToken ct)
    {
        var depositId = payment.DepositId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Deposits.Where(d => d.Id == depositId && d.Status != DepositStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DepositStatus.Paid).SetProperty(d => d.PaidAtUtc, now), ct);
        var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == depositId, ct);
        var credit = await balances.ApplyAsync(deposit.CustomerId, BalanceEntryKind.Deposit, deposit.Amount, deposit.Code, null, actor, ct);
        if (credit.Outcome != BalanceOutcome.Applied)
            throw new InvalidOperationException($"Deposit {deposit.Code} could not be credited: {credit.Outcome}.");
        // The deposit's own state change is on the record (as its expiry and cancel are), not only the ledger credit.
        audit.Record(actor, AuditActions.DepositPaid, "Deposit", depositId, new { deposit.Code, deposit.Amount });
        var chatId = await db.Customers.Where(c => c.Id == deposit.CustomerId).Select(c => c.TelegramUserId).FirstAsync(ct);
        outbox.ToChat(chatId, OutboxKinds.DepositCredited, new DepositPayload(depositId), $"deposit:{depositId}");
        outbox.ToChat(chatId, OutboxKinds.DepositQrClosed, new DepositPayload(depositId), $"depqr:{depositId}:paid");
        outbox.ToAdmins(OutboxKinds.DepositPaidAdmin, new DepositPayload(depositId), $"deposit:{depositId}");
        return PaymentApplyOutcome.DepositCredited;
    }

    /// <summary>A reconciliation item outside any transaction (idempotent: one per gateway order id and kind).</summary>
    private async Task RecordIssueAsync(PaymentIssueKind kind, Payment payment, long amount, string detail, CancellationToken ct)
    {
        if (await db.PaymentIssues.AnyAsync(i => i.GatewayOrderId == payment.GatewayOrderId && i.Kind == kind, ct)) return;
        AddIssue(kind, payment, amount, detail);
        audit.Record(AuditLog.Gateway, AuditActions.PaymentIssue, "PaymentIssue", payment.GatewayOrderId,
            new { kind = kind.ToString(), detail });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // recorded by a concurrent call
        }
    }

    private PaymentIssue AddIssue(PaymentIssueKind kind, Payment payment, long amount, string detail)
    {
        var issue = new PaymentIssue(kind, payment.Id, payment.GatewayOrderId, amount, detail, clock.GetUtcNow().UtcDateTime);
        db.PaymentIssues.Add(issue);
        outbox.ToAdmins(OutboxKinds.PaymentIssueAdmin, new PaymentIssuePayload(payment.GatewayOrderId, kind.ToString()),
            $"issue:{payment.GatewayOrderId}:{kind}");
        return issue;
    }

    private static PaymentApplyResult Result(PaymentApplyOutcome outcome, Payment p) => new(outcome, p.Id, p.OrderId, p.DepositId);
}
