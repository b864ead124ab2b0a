using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Looks after broadcasts that are sending: finishes an enqueue a restart cut short, settles recipients whose outbox row
/// is final, and marks a broadcast Completed once no recipient is pending. The messages themselves go through the outbox.
/// </summary>
public sealed class BroadcastWorker(WorkerLease lease, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BroadcastWorker> log)
    : LeasedWorker(lease, clock, log)
{
    private static readonly string Actor = AuditLog.Job("broadcast");

    protected override string Job => "broadcast";
    /// <summary>A start enqueues its recipients itself; only one this old and still unfinished (a crash) is taken over.</summary>
    private static readonly TimeSpan ResumeAfter = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var sending = await db.Broadcasts.AsNoTracking().Where(b => b.Status == BroadcastStatus.Sending).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.StartedAtUtc }).ToListAsync(ct);
        var resumeBefore = Clock.GetUtcNow().UtcDateTime - ResumeAfter;
        foreach (var (id, startedAtUtc) in sending.Select(b => (b.Id, b.StartedAtUtc)))
        {
            if (startedAtUtc < resumeBefore)
            {
                var added = await broadcasts.EnqueueAsync(id, ct);
                if (added > 0) log.LogWarning("Broadcast {Id}: resumed an unfinished enqueue, {Count} more recipients", id, added);
            }
            if (await broadcasts.CompleteIfDoneAsync(id, Actor, ct)) log.LogInformation("Broadcast {Id} completed", id);
        }
        var cancelled = await db.Broadcasts.AsNoTracking()
            .Where(b => b.Status == BroadcastStatus.Cancelled
                        && db.BroadcastRecipients.Any(r => r.BroadcastId == b.Id && r.Status == BroadcastRecipientStatus.Pending))
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var id in cancelled) await broadcasts.SettleAsync(id, ct);
        return false;
    }
}
