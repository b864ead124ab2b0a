using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Webhooks are best effort, so open transactions are polled: young ones every few seconds (never faster than the V2
/// limit of one status call per 4 s per transaction), older ones less often, for a day. A completed one is applied through
/// <see cref="PaymentConfirmer"/>, exactly as a webhook would be — including one paid after its order expired.
/// </summary>
public sealed class ReconciliationWorker(WorkerLease lease, IServiceScopeFactory scopes, PaymentConfirmer confirmer,
    IOptions<WorkerOptions> options, IOptions<PakasirOptions> pakasir, TimeProvider clock, ILogger<ReconciliationWorker> log)
    : LeasedWorker(lease, clock, log)
{
    private static readonly string Actor = AuditLog.Job("reconcile");
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    protected override string Job => "reconcile";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ReconcileIntervalSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var minInterval = TimeSpan.FromSeconds(Math.Max(4, options.Value.MinStatusIntervalSeconds));
        var since = now - Horizon;
        var checkedBefore = now - minInterval;
        var needsTxn = pakasir.Value.EffectiveMode == PakasirMode.Simulator || pakasir.Value.ApiVersion == PakasirApiVersion.V2;
        List<(string OrderId, DateTime Created, DateTime? Checked)> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            candidates = (await db.Payments.AsNoTracking()
                    .Where(p => p.AppliedAtUtc == null && p.Status == PaymentStatus.Pending && p.CreatedAtUtc >= since
                                && (!needsTxn || p.TxnId != null) && (p.LastCheckedAtUtc == null || p.LastCheckedAtUtc <= checkedBefore))
                    .OrderBy(p => p.LastCheckedAtUtc).Take(100)
                    .Select(p => new { p.GatewayOrderId, p.CreatedAtUtc, p.LastCheckedAtUtc }).ToListAsync(ct))
                .Select(p => (p.GatewayOrderId, p.CreatedAtUtc, p.LastCheckedAtUtc)).ToList();
        }
        foreach (var (orderId, created, lastChecked) in candidates)
        {
            if (lastChecked is { } last && now - last < IntervalFor(now - created, minInterval)) continue;
            var outcome = await confirmer.ConfirmAsync(orderId, Actor, ct, new CheckPolicy(minInterval, WaitForWindow: false));
            if (outcome.Status == ConfirmationStatus.Applied)
                log.LogInformation("Reconciliation found {OrderId} paid: {Outcome}", orderId, outcome.Applied?.Outcome);
        }
        return false;
    }

    /// <summary>Young payments are watched closely; after half an hour every minute, after two hours every ten.</summary>
    private static TimeSpan IntervalFor(TimeSpan age, TimeSpan minimum) =>
        age < TimeSpan.FromMinutes(30) ? minimum : age < TimeSpan.FromHours(2) ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10);
}
