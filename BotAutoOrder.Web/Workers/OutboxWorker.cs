using System.Collections.Concurrent;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using BotAutoOrder.Web.Telegram.Sending;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Sends the outbox: due rows, lowest <see cref="OutboxLane"/> first and oldest first within a lane, through the
/// <see cref="SendGate"/> (bulk budget at the store's send rate, flood wait after a 429, per-chat pacing) with up to
/// <see cref="MaxInFlight"/> Bot API calls at once, so throughput is the rate limit and not one message per round trip.
/// A paid broadcast's rows (<see cref="OutboxLane.PaidBulk"/>) come after the rest of each pass, with their own budget and slots.
/// Each pass reads only about a quarter second of budget (<see cref="OutboxDueRows"/>), so a delivery enqueued during a
/// long broadcast is read on the next pass and goes ahead of the rest. A row is claimed before its send
/// (<see cref="OutboxRows.ClaimAsync"/>) and its outcome is written with conditional updates (<see cref="OutboxOutcomes"/>),
/// so it is sent and settled once. A rush of admin notices goes as one digest (<c>OutboxWorker.Digest.cs</c>).
/// </summary>
public sealed partial class OutboxWorker(WorkerLease lease, IServiceScopeFactory scopes, SendGate gate, TimeProvider clock,
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
        await using (var scope = scopes.CreateAsyncScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct);
            gate.Configure(settings.SendRatePerSecond);
            gate.ConfigurePaid(settings.PaidBroadcastRatePerSecond);
            due = await OutboxDueRows.ForPassAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                Clock.GetUtcNow().UtcDateTime, Math.Clamp(gate.Rate / 4, 4, MaxInFlight),
                Math.Clamp(gate.PaidRate / 4, 4, MaxPaidInFlight), ct);
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
                result = await OutboxOutcomes.SendAsync(scope.ServiceProvider.GetRequiredService<OutboxSender>(), message, log, ct);
            await OutboxOutcomes.RecordAsync(scope.ServiceProvider.GetRequiredService<OutboxRows>(), gate, message, result, ct);
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
