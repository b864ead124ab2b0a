using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Domain.Payments;

/// <summary>Creates and cancels our transactions at the gateway, recording what it answered. Failures are reported, not thrown.</summary>
public sealed class GatewayInvoices(AppDbContext db, IPaymentGateway gateway, GatewayAnswers answers, ILogger<GatewayInvoices> log)
{
    /// <returns>False when the gateway refused or could not be reached (the caller releases the order).</returns>
    public async Task<bool> CreateAsync(long paymentId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == paymentId, ct);
        try
        {
            var created = await gateway.CreateAsync(payment.GatewayOrderId, payment.Amount, ct);
            if (created.Amount != payment.Amount || created.OrderId != payment.GatewayOrderId)
            {
                log.LogError("Gateway created {OrderId} with amount {Theirs}, we asked {Ours}", created.OrderId, created.Amount,
                    payment.Amount);
                return false;
            }
            await answers.RecordCreatedAsync(paymentId, created.TxnId, created.Fee, created.TotalPayment,
                created.QrString ?? created.VaNumber,
                created.PaymentUrl, created.ExpiresAtUtc, created.RawJson, ct);
            return true;
        }
        catch (PaymentGatewayException e)
        {
            log.LogError("Creating {OrderId} at the gateway failed ({Transient}): {Error}", payment.GatewayOrderId,
                e.IsTransient ? "transient" : "refused", e.Message);
            return false;
        }
    }

    /// <summary>Best effort: a transaction we no longer want is cancelled at the gateway (a late payment is still handled).</summary>
    public async Task CancelAsync(string gatewayOrderId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.GatewayOrderId == gatewayOrderId, ct);
        if (payment is null || payment.AppliedAtUtc is not null) return;
        try
        {
            await gateway.CancelAsync(new GatewayReference(payment.GatewayOrderId, payment.TxnId, payment.Amount), ct);
        }
        catch (PaymentGatewayException e)
        {
            log.LogWarning("Cancelling {OrderId} at the gateway failed: {Error}", gatewayOrderId, e.Message);
        }
    }
}
