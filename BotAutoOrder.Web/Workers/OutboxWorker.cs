using System.Collections.Concurrent;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using BotAutoOrder.Web.Telegram.Sending;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Sends the outbox: due rows, lowest <see cref="OutboxLane"/> first and oldest first within a lane, through the
/// <see cref="SendGate"/> (bulk budget at the store's send rate, flood wait after a 429, per-chat pacing) with up to
/// <see cref="MaxInFlight"/> Bot API calls at once, so throughput is the rate limit and not one message per round trip.
/// A paid broadcast's rows (<see cref="OutboxLane.PaidBulk"/>) come after the rest of each pass, with their own budget and slots.
/// Each pass reads only about a quarter second of budget, so a delivery enqueued during a long broadcast is read on the
/// next pass and goes ahead of the rest. A row is claimed before its send (<see cref="OutboxRows.ClaimAsync"/>) and its
/// outcome is written with conditional updates, so it is sent and settled once. 429 → rescheduled after exactly
/// <c>retry_after</c>; 403 → the buyer is marked unreachable and the row fails; other failures back off exponentially.
/// </summary>
public sealed class OutboxWorker(WorkerLease lease, IServiceScopeFactory scopes, SendGate gate, TimeProvider clock,
    ILogger<OutboxWorker> log)
    : LeasedWorker(lease, clock, log)
{
    public const int MaxAttempts = OutboxRows.MaxAttempts;
    /// <summary>Enough for 25/s at a 1 s round trip; bounded so a slow Telegram cannot pile up connections.</summary>
    public const int MaxInFlight = 32;
    /// <summary>
    /// Paid broadcasts (up to 1000/s) have their own slots, so they never take the ones a delivery needs: 256 in flight
    /// carry 1000/s up to a 256 ms round trip (about 850/s at 300 ms).
    /// </summary>
    public const int MaxPaidInFlight = 256;
    private readonly string _sender = SenderName();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private readonly SemaphoreSlim _paidSlots = new(MaxPaidInFlight, MaxPaidInFlight);

    protected override string Job => "outbox";
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(100);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await gate.WaitFloodAsync(ct);
        List<OutboxMessage> due;
        int take;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct);
            gate.Configure(settings.SendRatePerSecond);
            gate.ConfigurePaid(settings.PaidBroadcastRatePerSecond);
            take = Math.Clamp(gate.Rate / 4, 4, MaxInFlight);
            var now = Clock.GetUtcNow().UtcDateTime;
            var ready = scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                    && (m.LockedUntilUtc == null || m.LockedUntilUtc < now));
            due = await ready.Where(m => m.Lane != (int)OutboxLane.PaidBulk)
                .OrderBy(m => m.Lane).ThenBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(take).ToListAsync(ct);
            // A paid broadcast's quarter second, after everything else due: its own budget, its own slots.
            due.AddRange(await ready.Where(m => m.Lane == (int)OutboxLane.PaidBulk)
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m =>
                    m.Id).Take(Math.Clamp(gate.PaidRate / 4, 4, MaxPaidInFlight)).ToListAsync(ct));
        }
        foreach (var message in due)
        {
            var paid = message.Lane == (int)OutboxLane.PaidBulk;
            var slots = paid ? _paidSlots : _slots;
            var pace = gate.Pacer.WaitFor(message.ChatId);
            if (pace > TimeSpan.Zero)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxRows>().DeferAsync(message.Id, pace, ct);
                continue;
            }
            if (IsAdminNotice(message) && await TryDigestAsync(message, ct)) continue;
            await slots.WaitAsync(ct);
            var started = false;
            try
            {
                await gate.WaitFloodAsync(ct);
                // Deferred replies are not held to the bulk budget, like the replies they stand for.
                if (paid) await gate.AcquirePaidAsync(ct);
                else if (message.Lane != (int)OutboxLane.Reply) await gate.AcquireAsync(ct);
                await EnsureLeaseAsync(ct); // fenced: not one more send once the lease's session is gone
                await using (var scope = scopes.CreateAsyncScope())
                {
                    if (!await scope.ServiceProvider.GetRequiredService<OutboxRows>().ClaimAsync(message.Id, _sender, ct)) continue;
                }
                gate.Pacer.Record(message.ChatId);
                _inFlight[message.Id] = SendAndRecordAsync(message, slots);
                started = true;
            }
            finally
            {
                if (!started) slots.Release();
            }
        }
        // Again at once while anything was due: an idle pause would waste bulk tokens the bucket cannot keep.
        return due.Count > 0;
    }

    private static bool IsAdminNotice(OutboxMessage m) => m.Bot == OutboxBot.Shop && AdminNoticeRenderer.Kinds.Contains(m.Kind);

    /// <summary>
    /// A rush: when <see cref="AdminDigestRenderer.Threshold"/> or more admin notices are due for this admin, they go as
    /// one digest message (claimed together, settled together).
    /// </summary>
    private async Task<bool> TryDigestAsync(OutboxMessage first, CancellationToken ct)
    {
        List<OutboxMessage> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var kinds = AdminNoticeRenderer.Kinds;
            rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.ChatId == first.ChatId && m.Bot == OutboxBot.Shop && m.Status == OutboxStatus.Pending
                    && m.NextAttemptAtUtc <= now
                            && (m.LockedUntilUtc == null || m.LockedUntilUtc < now) && kinds.Contains(m.Kind))
                .OrderBy(m => m.Id).Take(30).ToListAsync(ct);
        }
        if (rows.Count < AdminDigestRenderer.Threshold) return false;
        await _slots.WaitAsync(ct);
        var started = false;
        try
        {
            await gate.WaitFloodAsync(ct);
            await gate.AcquireAsync(ct);
            await EnsureLeaseAsync(ct);
            var claimed = new List<OutboxMessage>();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var outboxRows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
                foreach (var row in rows)
                    if (await outboxRows.ClaimAsync(row.Id, _sender, ct)) claimed.Add(row);
            }
            if (claimed.Count == 0) return true;
            gate.Pacer.Record(first.ChatId);
            _inFlight[claimed[0].Id] = SendDigestAsync(claimed);
            started = true;
            return true;
        }
        finally
        {
            if (!started) _slots.Release();
        }
    }

    private async Task SendDigestAsync(List<OutboxMessage> claimed)
    {
        await Task.Yield();
        try
        {
            using var inFlight = new CancellationTokenSource(OutboxRows.ClaimFor - TimeSpan.FromSeconds(2));
            var ct = inFlight.Token;
            await using var scope = scopes.CreateAsyncScope();
            var rows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
            IReadOnlyList<long> carried;
            try
            {
                using (SendLane.Enter(OutboxLane.Notice, tokenTaken: true))
                    carried = await scope.ServiceProvider.GetRequiredService<AdminDigestRenderer>()
                        .SendAsync(claimed, scope.ServiceProvider.GetRequiredService<global::Telegram.Bot.ITelegramBotClient>(), ct);
            }
            catch (Exception e)
            {
                var result = TelegramErrors.Classify(e);
                log.LogWarning("Admin digest to {ChatId} failed: {Error}", claimed[0].ChatId, result.Error);
                if (result.Outcome == SendOutcome.RateLimited) gate.FloodFor(result.RetryAfter);
                foreach (var row in claimed)
                {
                    if (result.Outcome == SendOutcome.RateLimited) await rows.RescheduleAsync(row.Id, result.RetryAfter, result.Error, ct);
                    else await rows.RetryLaterAsync(row.Id, row.Attempts, result.Error, ct);
                }
                return;
            }
            foreach (var row in claimed)
            {
                if (carried.Contains(row.Id)) await rows.MarkSentAsync(row.Id, ct);
                else await rows.RescheduleAsync(row.Id, TimeSpan.Zero, null, ct); // did not fit: the next digest takes it
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Admin digest to {ChatId}: recording the outcome failed", claimed[0].ChatId);
        }
        finally
        {
            _inFlight.TryRemove(claimed[0].Id, out _);
            _slots.Release();
        }
    }

    /// <summary>
    /// Once a Bot API call starts it is finished and recorded even during shutdown or after the lease was lost: stopping
    /// between the send and the record is what would send a message twice.
    /// </summary>
    private async Task SendAndRecordAsync(OutboxMessage message, SemaphoreSlim slots)
    {
        await Task.Yield();
        try
        {
            using var inFlight = new CancellationTokenSource(OutboxRows.ClaimFor - TimeSpan.FromSeconds(2));
            var ct = inFlight.Token;
            await using var scope = scopes.CreateAsyncScope();
            SendResult result;
            using (SendLane.Enter((OutboxLane)message.Lane, tokenTaken: true))
                result = await SendAsync(scope.ServiceProvider.GetRequiredService<OutboxSender>(), message, ct);
            var rows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    await rows.MarkSentAsync(message.Id, ct);
                    break;
                case SendOutcome.RateLimited:
                    gate.FloodFor(result.RetryAfter);
                    await rows.RescheduleAsync(message.Id, result.RetryAfter, result.Error, ct);
                    break;
                case SendOutcome.Blocked:
                    await rows.MarkBlockedAsync(message.Id, message.ChatId, result.Error, ct);
                    break;
                case SendOutcome.Rejected:
                    await rows.FailAsync(message.Id, result.Error, ct);
                    break;
                default:
                    await rows.RetryLaterAsync(message.Id, message.Attempts, result.Error, ct);
                    break;
            }
            if (message.BroadcastRecipientId is { } recipientId) await rows.SettleRecipientAsync(recipientId, message.Id, ct);
        }
        catch (Exception e)
        {
            // The claim runs out and the row is tried again; the conditional updates keep it from being settled twice.
            log.LogError(e, "Outbox message {Id} ({Kind}): recording the outcome failed", message.Id, message.Kind);
        }
        finally
        {
            _inFlight.TryRemove(message.Id, out _);
            slots.Release();
        }
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

    /// <summary>Shutdown waits for the calls in flight to be recorded (each is bounded by its own timeout).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_inFlight.Values.ToList());
    }

    private static string SenderName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    public override void Dispose()
    {
        _slots.Dispose();
        _paidSlots.Dispose();
        base.Dispose();
    }
}
