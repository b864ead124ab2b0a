using System.Collections.Concurrent;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// The only way a payment gets applied, for the webhook, the reconciliation worker, the buyer's "check status" button
/// and the expiry worker: one call to the domain's <see cref="PaymentConfirmation"/> (one read of the payment, one
/// decision, the gateway's status API asked only when allowed). What stays here is this process's part: calls for one
/// payment are serialised, so a burst of duplicate webhooks asks the gateway once; a caller told to wait for the
/// gateway's pace (<see cref="CheckPolicy.WaitForWindow"/>) waits and tries again; the metrics and the alert on a
/// streak of failed status calls.
/// </summary>
public sealed class PaymentConfirmer(IServiceScopeFactory scopes, TimeProvider clock, ShopMetrics metrics, ILogger<PaymentConfirmer> log)
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
            var outcome = await ConfirmOnceAsync(gatewayOrderId, actor, policy, arrivedAt, ct);
            Observe(outcome, actor);
            if (outcome is not { Status: ConfirmationStatus.Throttled, RetryAfter: { } wait }) return outcome;
            await Task.Delay(wait, clock, ct);
        }
    }

    private async Task<ConfirmationOutcome> ConfirmOnceAsync(string gatewayOrderId, string actor, CheckPolicy? policy, DateTime arrivedAt,
        CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(gatewayOrderId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentConfirmation>()
                .ConfirmAsync(gatewayOrderId, actor, policy, arrivedAt, ct);
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1) _locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(gatewayOrderId, gate));
        }
    }

    private void Observe(ConfirmationOutcome outcome, string actor)
    {
        if (outcome.Status == ConfirmationStatus.GatewayUnavailable)
        {
            if (Interlocked.Increment(ref _failuresInARow) == StreakAlert)
                log.LogError("Pakasir status API failed {Count} times in a row; last error: {Error}", StreakAlert, outcome.Detail);
            return;
        }
        if (outcome.AskedGateway) Interlocked.Exchange(ref _failuresInARow, 0);
        if (outcome.AskedGateway && outcome.Applied?.Outcome is not (null or PaymentApplyOutcome.AlreadyApplied
                or PaymentApplyOutcome.AmountMismatch))
            metrics.PaymentConfirmed(actor);
    }
}
