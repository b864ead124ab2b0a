using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// Every state change of an outbox row, each one a conditional update on a still-pending row: whoever settles a row
/// first wins and a second settle changes nothing, so a message is recorded once even when two senders overlap.
/// </summary>
public sealed class OutboxRows(AppDbContext db, TimeProvider clock)
{
    public const int MaxAttempts = 10;
    /// <summary>A claim outlives the longest Bot API call (the HTTP timeout is 65 s).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(70);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<OutboxMessage> Pending(long id) => db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending);

    /// <summary>Takes a due row for one send. False when it is no longer pending (cancelled, settled) or another sender has it.</summary>
    public async Task<bool> ClaimAsync(long id, string sender, CancellationToken ct)
    {
        var now = Now;
        var until = now + ClaimFor;
        return await Pending(id).Where(m => m.LockedUntilUtc == null || m.LockedUntilUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, until).SetProperty(m => m.LockedBy, sender), ct) == 1;
    }

    public Task MarkSentAsync(long id, CancellationToken ct)
    {
        var now = Now;
        return Pending(id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
    }

    /// <summary>Not now (429, or the chat's pace): due again after <paramref name="wait"/>, without counting an attempt.</summary>
    public Task RescheduleAsync(long id, TimeSpan wait, string? error, CancellationToken ct)
    {
        var next = Now + wait;
        return Pending(id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LastError, Trim(error))
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
    }

    /// <summary>Moves a row's next attempt without touching anything else (per-chat pacing).</summary>
    public Task DeferAsync(long id, TimeSpan wait, CancellationToken ct)
    {
        var next = Now + wait;
        return Pending(id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, next), ct);
    }

    /// <summary>403: the buyer first, then the row, so whoever sees the row settled also sees the buyer marked unreachable.</summary>
    public async Task MarkBlockedAsync(long id, long chatId, string? error, CancellationToken ct)
    {
        await db.Customers.Where(c => c.TelegramUserId == chatId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsUnreachable, true), ct);
        await FailAsync(id, OutboxErrors.BlockedPrefix + error, ct);
    }

    /// <summary>Final failure: Telegram will never accept this message.</summary>
    public Task FailAsync(long id, string? error, CancellationToken ct) =>
        Pending(id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Trim(error))
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LockedBy, (string?)null), ct);

    /// <summary>Network or server trouble: exponential back-off, failed for good after <see cref="MaxAttempts"/>.</summary>
    public Task RetryLaterAsync(long id, int attemptsSoFar, string? error, CancellationToken ct)
    {
        var attempts = attemptsSoFar + 1;
        var next = Now + TimeSpan.FromSeconds(Math.Min(900, Math.Pow(2, attempts)));
        return Pending(id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.Status, attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LastError, Trim(error))
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LockedBy, (string?)null), ct);
    }

    /// <summary>A broadcast recipient follows its outbox row once that row is final (sent, blocked, failed).</summary>
    public async Task SettleRecipientAsync(long recipientId, long messageId, CancellationToken ct)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m =>
            new { m.Status, m.LastError, m.SentAtUtc }).FirstAsync(ct);
        if (row.Status == OutboxStatus.Pending) return;
        var status = row.Status == OutboxStatus.Sent ? BroadcastRecipientStatus.Sent
            : row.LastError?.StartsWith(OutboxErrors.BlockedPrefix, StringComparison.Ordinal) == true ? BroadcastRecipientStatus.Blocked
            : BroadcastRecipientStatus.Failed;
        await db.BroadcastRecipients.Where(r => r.Id == recipientId && r.Status == BroadcastRecipientStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.SentAtUtc, row.SentAtUtc)
                .SetProperty(r => r.Error, row.LastError), ct);
    }

    private static string? Trim(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
}
