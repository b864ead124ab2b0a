using System.Collections.Concurrent;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// The only way a payment gets applied: ask the gateway's status API about our transaction and apply it only when
/// it says <c>completed</c> for the same order id, the same amount, our project, and not sandbox while live. Used by the
/// webhook, the reconciliation worker, the buyer's "check status" button and the expiry worker. Calls for one payment
/// are serialised in this process, so a burst of duplicate webhooks asks the gateway once; with a <see cref="CheckPolicy"/>
/// (webhooks, reconciliation) the gateway is asked at most once per 4 s per payment, and a webhook whose amount or
/// txn_id contradicts the stored payment is refused without asking.
/// </summary>
public sealed class PaymentConfirmer(IServiceScopeFactory scopes, IOptions<PakasirOptions> options, TimeProvider clock, ShopMetrics metrics,
    ILogger<PaymentConfirmer> log)
{
    /// <summary>Status calls that failed in a row; at <see cref="StreakAlert"/> the owner is alerted (once per streak).</summary>
    public const int StreakAlert = 5;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private int _failuresInARow;

    public async Task<ConfirmationOutcome> ConfirmAsync(string gatewayOrderId, string actor, CancellationToken ct,
        CheckPolicy? policy = null)
    {
        var arrivedAt = clock.GetUtcNow().UtcDateTime;
        while (true)
        {
            var gate = _locks.GetOrAdd(gatewayOrderId, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            TimeSpan wait;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.GatewayOrderId == gatewayOrderId, ct);
                if (payment is null) return new ConfirmationOutcome(ConfirmationStatus.Unknown);
                if (policy is not null && Contradiction(policy, payment) is { } contradiction)
                {
                    log.LogWarning("Notification for {OrderId} refused before asking the gateway: {Reason}", gatewayOrderId, contradiction);
                    return new ConfirmationOutcome(ConfirmationStatus.Mismatch, Detail: contradiction);
                }
                if (payment.AppliedAtUtc is not null)
                    return new ConfirmationOutcome(ConfirmationStatus.Applied,
                        new PaymentApplyResult(PaymentApplyOutcome.AlreadyApplied, payment.Id, payment.OrderId, payment.DepositId));
                if (policy is { RefuseClosed: true } && payment.Status is PaymentStatus.Expired or PaymentStatus.Cancelled)
                    return new ConfirmationOutcome(ConfirmationStatus.Closed, GatewayStatus: payment.Status);

                var now = clock.GetUtcNow().UtcDateTime;
                wait = policy is not null && payment.LastCheckedAtUtc is { } last ? last + policy.MinInterval - now : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    // Asked moments ago. A check that started after this caller arrived answers for it too; otherwise
                    // wait for the next permitted call rather than hammering the gateway (a flood costs one call per pace).
                    if (!policy!.WaitForWindow) return new ConfirmationOutcome(ConfirmationStatus.Throttled);
                    if (payment.LastCheckedAtUtc >= arrivedAt)
                        return new ConfirmationOutcome(ConfirmationStatus.NotCompleted, GatewayStatus: payment.Status);
                }
                else
                {
                    return await AskAndApplyAsync(scope.ServiceProvider, payment, actor, now, ct);
                }
            }
            finally
            {
                gate.Release();
                if (gate.CurrentCount == 1) _locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(gatewayOrderId, gate));
            }
            await Task.Delay(wait, clock, ct);
        }
    }

    private async Task<ConfirmationOutcome> AskAndApplyAsync(IServiceProvider services, Payment payment, string actor, DateTime askedAt,
        CancellationToken ct)
    {
        var gatewayOrderId = payment.GatewayOrderId;
        var payments = services.GetRequiredService<PaymentService>();
        GatewayStatus status;
        try
        {
            status = await services.GetRequiredService<IPaymentGateway>()
                .GetStatusAsync(new GatewayReference(payment.GatewayOrderId, payment.TxnId, payment.Amount), ct);
        }
        catch (PaymentGatewayException e)
        {
            log.LogWarning("Status check for {OrderId} failed: {Error}", gatewayOrderId, e.Message);
            if (Interlocked.Increment(ref _failuresInARow) == StreakAlert)
                log.LogError("Pakasir status API failed {Count} times in a row; last error: {Error}", StreakAlert, e.Message);
            await services.GetRequiredService<GatewayAnswers>().RecordCheckFailedAsync(payment.Id, askedAt,
                ct); // a failed call still counts against the pace
            return new ConfirmationOutcome(ConfirmationStatus.GatewayUnavailable, Detail: e.Message);
        }
        Interlocked.Exchange(ref _failuresInARow, 0);
        await services.GetRequiredService<GatewayAnswers>().RecordCheckAsync(payment.Id, status.RawJson, status.Status, askedAt, ct);

        var mismatch = Mismatch(status, payment);
        if (mismatch is not null)
        {
            log.LogWarning("Status for {OrderId} refused: {Reason}", gatewayOrderId, mismatch);
            return new ConfirmationOutcome(ConfirmationStatus.Mismatch, GatewayStatus: status.Status, Detail: mismatch);
        }
        if (status.Status != PaymentStatus.Completed)
            return new ConfirmationOutcome(ConfirmationStatus.NotCompleted, GatewayStatus: status.Status);

        var applied = await payments.ApplyCompletedAsync(payment.GatewayOrderId, status.Amount, status.CompletedAtUtc, actor,
            status.RawJson, ct);
        log.LogInformation("Payment {OrderId} confirmed by the gateway: {Outcome}", gatewayOrderId, applied.Outcome);
        if (applied.Outcome is not (PaymentApplyOutcome.AlreadyApplied or PaymentApplyOutcome.Unknown or PaymentApplyOutcome.AmountMismatch))
            metrics.PaymentConfirmed(actor);
        return applied.Outcome == PaymentApplyOutcome.AmountMismatch
            ? new ConfirmationOutcome(ConfirmationStatus.Mismatch, applied, status.Status, "amount differs")
            : new ConfirmationOutcome(ConfirmationStatus.Applied, applied, status.Status);
    }

    /// <summary>What a notification claims that the stored payment contradicts (amount, transaction id), or null.</summary>
    private static string? Contradiction(CheckPolicy policy, Payment payment)
    {
        if (policy.ExpectedAmount is { } amount && amount != payment.Amount) return $"amount {amount} is not the stored {payment.Amount}";
        if (policy.ExpectedTxnId is { } txn && payment.TxnId is { } ours && !string.Equals(txn, ours, StringComparison.Ordinal))
            return "txn_id is not the stored transaction";
        return null;
    }

    /// <summary>Why the gateway's answer cannot be about our payment, or null when it can. (Amount is judged by the service.)</summary>
    private string? Mismatch(GatewayStatus status, Payment payment)
    {
        var o = options.Value;
        if (!string.Equals(status.OrderId, payment.GatewayOrderId, StringComparison.Ordinal)) return "order id differs";
        if (status.Project is { Length: > 0 } project
            && !string.Equals(project, o.EffectiveProject, StringComparison.Ordinal)) return "project differs";
        if (status.IsSandbox && o.EffectiveMode == PakasirMode.Live) return "sandbox transaction while live";
        if (payment.TxnId is { } txn && status.TxnId is { } theirs && txn != theirs) return "transaction id differs";
        return null;
    }
}
