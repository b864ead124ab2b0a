using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Housekeeping: deletes reviewed SNK proofs older than the shop's <c>ProofRetentionDays</c> (0 keeps them forever) and
/// de-duplication records of inbound updates older than a week (Telegram redelivers for about a day).
/// </summary>
public sealed class RetentionWorker(WorkerLease lease, IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock,
    ILogger<RetentionWorker> log) : LeasedWorker(lease, clock, log)
{
    public static readonly TimeSpan InboundEventsKeptFor = TimeSpan.FromDays(7);

    protected override string Job => "retention";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RetentionIntervalSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var days = (await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct)).ProofRetentionDays;
        if (days > 0)
        {
            var before = now.AddDays(-days);
            var proofs = await db.TermsProofs
                .Where(p => (p.Status == TermsProofStatus.Approved || p.Status == TermsProofStatus.Rejected) && p.ReviewedAtUtc < before)
                .ExecuteDeleteAsync(ct);
            if (proofs > 0)
            {
                scope.ServiceProvider.GetRequiredService<AuditLog>().Record(AuditLog.Job("retention"), AuditActions.TermsPurged,
                    "TermsProof", null,
                    new { proofs, olderThanDays = days });
                await db.SaveChangesAsync(ct);
            }
        }
        var eventsBefore = now - InboundEventsKeptFor;
        await db.InboundEvents.Where(e => e.ReceivedAtUtc < eventsBefore).ExecuteDeleteAsync(ct);
        return false;
    }
}
