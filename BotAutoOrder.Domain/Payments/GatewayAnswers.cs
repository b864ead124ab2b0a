using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// Keeps what the gateway answered about a payment (created, status, failed call), before any decision is taken on it:
/// the pace of status calls is measured from here, and a shorter gateway expiry is passed on to the order or deposit.
/// Applying a completed payment is <see cref="PaymentService"/>'s job.
/// </summary>
public sealed class GatewayAnswers(AppDbContext db, AuditLog audit)
{
    /// <summary>Stores what the gateway answered to create; an order or deposit never outlives the gateway's expiry.</summary>
    public async Task RecordCreatedAsync(long paymentId, string? txnId, long fee, long totalPayment, string? qrString, string? paymentUrl,
        DateTime? gatewayExpiresAtUtc, string raw, CancellationToken ct)
    {
        var payment = await db.Payments.FirstAsync(p => p.Id == paymentId, ct);
        payment.RecordCreated(txnId, fee, totalPayment, qrString, paymentUrl, gatewayExpiresAtUtc, raw);
        if (gatewayExpiresAtUtc is { } gatewayExpiry)
        {
            var orders = await db.Orders.Where(o => o.Id == payment.OrderId && o.ExpiresAtUtc > gatewayExpiry)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAtUtc, gatewayExpiry), ct);
            var deposits = await db.Deposits.Where(d => d.Id == payment.DepositId && d.ExpiresAtUtc > gatewayExpiry)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpiresAtUtc, gatewayExpiry), ct);
            if (orders + deposits > 0) // the gateway's word changed what the buyer was promised: on the record
                audit.Record(AuditLog.Gateway, AuditActions.PaymentExpiryShortened, "Payment", payment.Id,
                    new { payment.GatewayOrderId, expiresAtUtc = gatewayExpiry });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a status answer; a closed transaction (expired/cancelled at the gateway) stops being polled.
    /// <paramref name="askedAtUtc"/> is when the call was sent: the gateway's pace is measured from it.
    /// </summary>
    public async Task RecordCheckAsync(long paymentId, string raw, PaymentStatus gatewayStatus, DateTime askedAtUtc, CancellationToken ct)
    {
        var status = gatewayStatus == PaymentStatus.Completed ? PaymentStatus.Pending : gatewayStatus; // completed goes through the gate
        var changed = await db.Payments.Where(p => p.Id == paymentId && p.AppliedAtUtc == null && p.Status != status)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, askedAtUtc).SetProperty(p => p.RawStatusResponse, raw)
                .SetProperty(p => p.Status, status), ct);
        if (changed > 0)
        {
            audit.Record(AuditLog.Gateway, AuditActions.PaymentStatusChanged, "Payment", paymentId, new { status = status.ToString() });
            await db.SaveChangesAsync(ct);
            return;
        }
        await db.Payments.Where(p => p.Id == paymentId && p.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, askedAtUtc).SetProperty(p => p.RawStatusResponse, raw), ct);
    }

    /// <summary>A status call that failed still counts against the gateway's pace.</summary>
    public async Task RecordCheckFailedAsync(long paymentId, DateTime askedAtUtc, CancellationToken ct) =>
        await db.Payments.Where(p => p.Id == paymentId && p.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastCheckedAtUtc, askedAtUtc), ct);
}
