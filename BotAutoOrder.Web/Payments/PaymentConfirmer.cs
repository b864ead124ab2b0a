using System.Collections.Concurrent;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// The only way a payment gets applied: ask the gateway's status API about our transaction and apply it only when
/// it says <c>completed</c> for the same order id, the same amount, our project, and not sandbox while live. Used by the
/// webhook, the reconciliation worker, the buyer's "check status" button and the expiry worker. Calls for one payment
/// are serialised in this process, so a burst of duplicate webhooks asks the gateway once.
/// </summary>
public sealed class PaymentConfirmer(IServiceScopeFactory scopes, IOptions<PakasirOptions> options, ILogger<PaymentConfirmer> log)
{
    /// <summary>Status calls that failed in a row; at <see cref="StreakAlert"/> the owner is alerted (once per streak).</summary>
    public const int StreakAlert = 5;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private int _failuresInARow;

    public async Task<ConfirmationOutcome> ConfirmAsync(string gatewayOrderId, string actor, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(gatewayOrderId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.GatewayOrderId == gatewayOrderId, ct);
            if (payment is null) return new ConfirmationOutcome(ConfirmationStatus.Unknown);
            if (payment.AppliedAtUtc is not null)
                return new ConfirmationOutcome(ConfirmationStatus.Applied, new PaymentApplyResult(PaymentApplyOutcome.AlreadyApplied, payment.Id, payment.OrderId, payment.DepositId));

            GatewayStatus status;
            try
            {
                status = await scope.ServiceProvider.GetRequiredService<IPaymentGateway>()
                    .GetStatusAsync(new GatewayReference(payment.GatewayOrderId, payment.TxnId, payment.Amount), ct);
            }
            catch (PaymentGatewayException e)
            {
                log.LogWarning("Status check for {OrderId} failed: {Error}", gatewayOrderId, e.Message);
                if (Interlocked.Increment(ref _failuresInARow) == StreakAlert)
                    log.LogError("Pakasir status API failed {Count} times in a row; last error: {Error}", StreakAlert, e.Message);
                return new ConfirmationOutcome(ConfirmationStatus.GatewayUnavailable, Detail: e.Message);
            }
            Interlocked.Exchange(ref _failuresInARow, 0);
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            await payments.RecordCheckAsync(payment.Id, status.RawJson, status.Status, ct);

            var mismatch = Mismatch(status, payment);
            if (mismatch is not null)
            {
                log.LogWarning("Status for {OrderId} refused: {Reason}", gatewayOrderId, mismatch);
                return new ConfirmationOutcome(ConfirmationStatus.Mismatch, GatewayStatus: status.Status, Detail: mismatch);
            }
            if (status.Status != PaymentStatus.Completed)
                return new ConfirmationOutcome(ConfirmationStatus.NotCompleted, GatewayStatus: status.Status);

            var applied = await payments.ApplyCompletedAsync(payment.GatewayOrderId, status.Amount, status.CompletedAtUtc, actor, status.RawJson, ct);
            log.LogInformation("Payment {OrderId} confirmed by the gateway: {Outcome}", gatewayOrderId, applied.Outcome);
            return applied.Outcome == PaymentApplyOutcome.AmountMismatch
                ? new ConfirmationOutcome(ConfirmationStatus.Mismatch, applied, status.Status, "amount differs")
                : new ConfirmationOutcome(ConfirmationStatus.Applied, applied, status.Status);
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1) _locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(gatewayOrderId, gate));
        }
    }

    /// <summary>Why the gateway's answer cannot be about our payment, or null when it can. (Amount is judged by the service.)</summary>
    private string? Mismatch(GatewayStatus status, Payment payment)
    {
        var o = options.Value;
        if (!string.Equals(status.OrderId, payment.GatewayOrderId, StringComparison.Ordinal)) return "order id differs";
        if (status.Project is { Length: > 0 } project && !string.Equals(project, o.EffectiveProject, StringComparison.Ordinal)) return "project differs";
        if (status.IsSandbox && o.EffectiveMode == PakasirMode.Live) return "sandbox transaction while live";
        if (payment.TxnId is { } txn && status.TxnId is { } theirs && txn != theirs) return "transaction id differs";
        return null;
    }
}
