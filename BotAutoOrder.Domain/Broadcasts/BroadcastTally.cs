using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>
/// A broadcast's recipients against their outbox rows: settles the recipients whose row already has an outcome, and
/// reports the progress the dashboard's bar shows. Read and settle only; the state changes of a broadcast itself are
/// <see cref="BroadcastService"/>'s.
/// </summary>
public sealed class BroadcastTally(AppDbContext db, SettingsService settings)
{
    private const string CancelledError = BroadcastService.CancelledError;

    /// <summary>
    /// Gives pending recipients the outcome their outbox row already has (cancelled rows; and rows the outbox worker settled
    /// but whose recipient it could not update, e.g. because the process stopped in between). Same mapping as the worker.
    /// </summary>
    public async Task SettleAsync(long broadcastId, CancellationToken ct)
    {
        var pending = db.BroadcastRecipients.Where(r => r.BroadcastId == broadcastId && r.Status == BroadcastRecipientStatus.Pending);
        await pending.Where(r =>
            db.OutboxMessages.Any(m => m.BroadcastRecipientId == r.Id && m.Status == OutboxStatus.Failed && m.LastError == CancelledError))
            .ExecuteUpdateAsync(s =>
                s.SetProperty(r => r.Status, BroadcastRecipientStatus.Cancelled).SetProperty(r => r.Error, CancelledError), ct);
        await pending.Where(r => db.OutboxMessages.Any(m => m.BroadcastRecipientId == r.Id && m.Status == OutboxStatus.Sent))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BroadcastRecipientStatus.Sent)
                .SetProperty(r => r.SentAtUtc,
                    r => db.OutboxMessages.Where(m => m.BroadcastRecipientId == r.Id).Select(m => m.SentAtUtc).FirstOrDefault()), ct);
        await pending.Where(r => db.OutboxMessages.Any(m => m.BroadcastRecipientId == r.Id && m.Status == OutboxStatus.Failed
                                                            && m.LastError!.StartsWith(OutboxErrors.BlockedPrefix)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BroadcastRecipientStatus.Blocked), ct);
        // Each predicate names its outcome completely: a row the worker fails between two statements cannot land in the wrong one.
        await pending.Where(r => db.OutboxMessages.Any(m => m.BroadcastRecipientId == r.Id && m.Status == OutboxStatus.Failed
                                                            && m.LastError != CancelledError
                                                            && !m.LastError!.StartsWith(OutboxErrors.BlockedPrefix)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BroadcastRecipientStatus.Failed), ct);
    }

    /// <summary>Counts of a broadcast's recipients by outcome, and the time left at the rate it goes at.</summary>
    public async Task<BroadcastProgress?> ProgressAsync(long broadcastId, CancellationToken ct)
    {
        var broadcast = await db.Broadcasts.AsNoTracking().Where(b => b.Id == broadcastId)
            .Select(b => new { b.Status, b.TotalRecipients, b.Paid }).FirstOrDefaultAsync(ct);
        if (broadcast is null) return null;
        var counts = await db.BroadcastRecipients.Where(r => r.BroadcastId == broadcastId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(BroadcastRecipientStatus s) => counts.GetValueOrDefault(s);
        var remaining = Of(BroadcastRecipientStatus.Pending);
        var total = Math.Max(broadcast.TotalRecipients, counts.Values.Sum());
        TimeSpan? eta = null;
        if (broadcast.Status == BroadcastStatus.Sending)
        {
            var shop = await settings.GetAsync(ct);
            eta = TimeSpan.FromSeconds(Math.Ceiling((double)remaining / Math.Max(1,
                broadcast.Paid ? shop.PaidBroadcastRatePerSecond : shop.SendRatePerSecond)));
        }
        return new BroadcastProgress(broadcastId, broadcast.Status, total, Of(BroadcastRecipientStatus.Sent),
            Of(BroadcastRecipientStatus.Failed),
            Of(BroadcastRecipientStatus.Blocked), Of(BroadcastRecipientStatus.Cancelled), remaining, eta);
    }
}
