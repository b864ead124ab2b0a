using System.Threading.RateLimiting;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Sends the outbox: due rows oldest first, through a global token bucket (the store's send rate, default 25/s) and
/// per-chat pacing. 429 → the row and the whole sender wait exactly <c>retry_after</c>; 403 → the buyer is marked
/// unreachable and the row fails without retries; other failures back off exponentially. Every outcome is written with a
/// conditional update on a still-pending row, so a row is settled once.
/// </summary>
public sealed class OutboxWorker(WorkerLease lease, IServiceScopeFactory scopes, ChatPacer pacer, TimeProvider clock, ILogger<OutboxWorker> log)
    : LeasedWorker(lease, clock, log)
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 100;
    private TokenBucketRateLimiter? _limiter;
    private int _rate;
    private DateTimeOffset _pausedUntil;

    protected override string Job => "outbox";
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(200);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<OutboxMessage> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct);
            EnsureLimiter(settings.SendRatePerSecond);
            var now = Clock.GetUtcNow().UtcDateTime;
            due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        foreach (var message in due)
        {
            var pause = _pausedUntil - Clock.GetUtcNow();
            if (pause > TimeSpan.Zero) await Task.Delay(pause, Clock, ct);
            var wait = pacer.WaitFor(message.ChatId);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (wait > TimeSpan.Zero)
            {
                await DeferAsync(db, message.Id, wait, ct);
                continue;
            }
            using var permit = await _limiter!.AcquireAsync(1, ct);
            // Still pending? A cancelled broadcast (or another settle) may have closed it since the batch was read.
            if (!await db.OutboxMessages.AnyAsync(m => m.Id == message.Id && m.Status == OutboxStatus.Pending, ct)) continue;
            // Once a Bot API call starts it is finished and recorded even during shutdown: stopping between the send and
            // the record is what would send a message twice after a restart.
            using var inFlight = new CancellationTokenSource(TimeSpan.FromSeconds(70));
            var result = await SendAsync(scope.ServiceProvider.GetRequiredService<OutboxSender>(), message, inFlight.Token);
            if (result.Outcome == SendOutcome.Sent) pacer.Record(message.ChatId);
            await RecordAsync(db, message, result, inFlight.Token);
            if (message.BroadcastRecipientId is { } recipientId) await SettleRecipientAsync(db, recipientId, message.Id, result, inFlight.Token);
        }
        return due.Count == BatchSize;
    }

    private async Task<SendResult> SendAsync(OutboxSender sender, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(message, ct);
        }
        catch (Exception e)
        {
            var result = TelegramErrors.Classify(e);
            if (result.Outcome is SendOutcome.Transient or SendOutcome.Rejected)
                log.LogWarning("Outbox message {Id} ({Kind}) failed: {Error}", message.Id, message.Kind, result.Error);
            return result;
        }
    }

    private async Task RecordAsync(AppDbContext db, OutboxMessage message, SendResult result, CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var row = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), ct);
                break;
            case SendOutcome.RateLimited:
                _pausedUntil = Clock.GetUtcNow() + result.RetryAfter;
                log.LogWarning("Telegram asked to wait {RetryAfter} (429); sending paused", result.RetryAfter);
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now + result.RetryAfter)
                    .SetProperty(m => m.LastError, Trim(result.Error)), ct);
                break;
            case SendOutcome.Blocked:
                // The buyer first, then the row: whoever sees the row settled also sees the buyer marked.
                await db.Customers.Where(c => c.TelegramUserId == message.ChatId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsUnreachable, true), ct);
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Trim(OutboxErrors.BlockedPrefix + result.Error)), ct);
                break;
            case SendOutcome.Rejected:
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Trim(result.Error)), ct);
                break;
            default:
                var attempts = message.Attempts + 1;
                var backoff = TimeSpan.FromSeconds(Math.Min(900, Math.Pow(2, attempts)));
                await row.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.Status, attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAtUtc, now + backoff)
                    .SetProperty(m => m.LastError, Trim(result.Error)), ct);
                break;
        }
    }

    /// <summary>A broadcast recipient follows its outbox row once that row is final (sent, blocked, failed).</summary>
    private async Task SettleRecipientAsync(AppDbContext db, long recipientId, long messageId, SendResult result, CancellationToken ct)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.Status, m.LastError, m.SentAtUtc }).FirstAsync(ct);
        if (row.Status == OutboxStatus.Pending) return;
        var status = row.Status == OutboxStatus.Sent ? BroadcastRecipientStatus.Sent
            : result.Outcome == SendOutcome.Blocked ? BroadcastRecipientStatus.Blocked : BroadcastRecipientStatus.Failed;
        await db.BroadcastRecipients.Where(r => r.Id == recipientId && r.Status == BroadcastRecipientStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.SentAtUtc, row.SentAtUtc)
                .SetProperty(r => r.Error, row.LastError), ct);
    }

    private Task DeferAsync(AppDbContext db, long id, TimeSpan wait, CancellationToken ct)
    {
        var next = Clock.GetUtcNow().UtcDateTime + wait;
        return db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, next), ct);
    }

    private void EnsureLimiter(int perSecond)
    {
        if (_limiter is not null && _rate == perSecond) return;
        _limiter?.Dispose();
        _rate = perSecond;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // One token every 1/rate s (not a bucket of rate per second), so no sliding second ever exceeds the rate.
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private static string? Trim(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
}
