namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// Telegram's limits as seen by this process: the bulk budget (the store's send rate, a token bucket from
/// <c>System.Threading.RateLimiting</c>, see <see cref="RateBucket"/>), the paid-broadcast budget (its own bucket), the flood
/// wait from the last 429 (<c>retry_after</c>, honoured by every lane), and per-chat pacing (<see cref="ChatPacer"/>).
/// One instance per process, shared by replies and the outbox.
/// </summary>
public sealed class SendGate(ChatPacer pacer, TimeProvider clock) : IDisposable
{
    /// <summary>The store's default send rate (<c>Shop:SendRatePerSecond</c>).</summary>
    public const int DefaultRate = 25;
    /// <summary>The paid-broadcast rate before the store's setting was read.</summary>
    public const int DefaultPaidRate = 300;

    // A small burst, so that no sliding second holds more than burst + pace sends, with room under Telegram's 30 for
    // arrival jitter (a 429 costs a whole second of every lane): 25/s → burst 2, tokens a stall left unused are made up at
    // 26/s (≤ 29 granted in any second, one being the limiter's refund after an idle spell; PaceWireAsync keeps the wire
    // at 27/s); 28/s → burst 1, no making up.
    private readonly RateBucket _bulk = new(DefaultRate, BulkBurst, queueLimit: 1000,
        paceFor: rate => Math.Min(rate + 1, 28 - BulkBurst(rate)));
    // Paid broadcasts (allow_paid_broadcast, up to 1000/s) are outside Telegram's free bulk limit: their own bucket, so
    // they neither wait for nor spend the tokens deliveries and notices need. A tenth of a second's worth: smooth.
    private readonly RateBucket _paid = new(DefaultPaidRate, rate => rate / 10, queueLimit: 10_000);
    private long _floodUntilTicks;

    private static int BulkBurst(int rate) => Math.Clamp(Math.Min(27 - rate, rate / 5), 1, 100);

    public ChatPacer Pacer { get; } = pacer;

    /// <summary>Messages per second of the bulk budget (0 until the first <see cref="Configure"/>).</summary>
    public int Rate => _bulk.Rate;

    /// <summary>Messages per second of a paid broadcast's own budget (0 until the first <see cref="ConfigurePaid"/>).</summary>
    public int PaidRate => _paid.Rate;

    /// <summary>Sets the bulk rate; the bucket is rebuilt only when the rate changed.</summary>
    public void Configure(int perSecond) => _bulk.Configure(perSecond);

    /// <summary>Sets the paid-broadcast rate (1–1000).</summary>
    public void ConfigurePaid(int perSecond) => _paid.Configure(perSecond);

    /// <summary>Waits for one bulk token (outbox lanes and other messages the bot starts itself).</summary>
    public Task AcquireAsync(CancellationToken ct) => _bulk.AcquireAsync(ct);

    /// <summary>Waits for one token of the paid-broadcast budget.</summary>
    public Task AcquirePaidAsync(CancellationToken ct) => _paid.AcquireAsync(ct);

    /// <summary>A reply takes a bulk token when one is free (so bulk sends make room) but never waits for one.</summary>
    public void TakeIfFree() => _bulk.TakeIfFree();

    /// <summary>How long every lane must still wait after the last 429 (zero when none).</summary>
    public TimeSpan FloodWait
    {
        get
        {
            var left = new DateTimeOffset(Interlocked.Read(ref _floodUntilTicks), TimeSpan.Zero) - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Telegram answered 429 <c>retry_after</c>: nothing is sent before that time has passed.</summary>
    public void FloodFor(TimeSpan retryAfter)
    {
        var until = (clock.GetUtcNow() + retryAfter).UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _floodUntilTicks);
            if (seen >= until) return;
        }
        while (Interlocked.CompareExchange(ref _floodUntilTicks, until, seen) != seen);
    }

    private readonly object _wire = new();
    private DateTimeOffset _nextOnWire;

    /// <summary>
    /// Spaces bot-started calls right before they go on the wire, at most rate + 2 per second: the bucket keeps the
    /// average, this keeps sends that waited on a busy thread pool or database from leaving together and making a
    /// sliding second look like more than Telegram's 30 (a 429 stops every lane for a second).
    /// </summary>
    public Task PaceWireAsync(CancellationToken ct)
    {
        var spacing = TimeSpan.FromSeconds(1.0 / Math.Min(Math.Max(1, Rate) + 2, 29));
        var now = clock.GetUtcNow();
        DateTimeOffset slot;
        lock (_wire)
        {
            slot = _nextOnWire > now ? _nextOnWire : now;
            _nextOnWire = slot + spacing;
        }
        return slot > now ? Task.Delay(slot - now, clock, ct) : Task.CompletedTask;
    }

    /// <summary>When the flood wait ends (in the past when there is none).</summary>
    public DateTimeOffset FloodUntil => new(Interlocked.Read(ref _floodUntilTicks), TimeSpan.Zero);

    public async Task WaitFloodAsync(CancellationToken ct)
    {
        for (var wait = FloodWait; wait > TimeSpan.Zero; wait = FloodWait) await Task.Delay(wait, clock, ct);
    }

    public void Dispose()
    {
        _bulk.Dispose();
        _paid.Dispose();
    }
}
