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
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var sending = await db.Broadcasts.AsNoTracking().Where(b => b.Status == BroadcastStatus.Sending).OrderBy(b => b.Id)
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var id in sending)
        {
            var added = await broadcasts.EnqueueAsync(id, ct);
            if (added > 0) log.LogInformation("Broadcast {Id}: enqueued {Count} more recipients", id, added);
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
