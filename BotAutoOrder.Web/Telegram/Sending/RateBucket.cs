using System.Threading.RateLimiting;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// A token bucket (<c>System.Threading.RateLimiting</c>) whose rate the store may change while callers wait: a new rate
/// builds a new bucket, and a caller waiting on the old one takes its token from the new one. Used twice by
/// <see cref="SendGate"/>: the free bulk budget and the paid-broadcast budget.
/// </summary>
/// <remarks>
/// With <paramref name="paceFor"/> the bucket also makes up for a stall. A bucket that holds only a small burst loses,
/// for good, every token that comes while its one taker is held up for longer than the burst lasts (80 ms at 25/s: a
/// garbage collection, a busy thread pool, a slow claim on a loaded database); the timer is not the problem, the
/// runtime's periodic timer does not drift and a limiter that adds tokens by elapsed time is capped by the same burst.
/// So the budget remembers up to a second of unused tokens, and a second bucket of the same burst at the pace rate (a
/// little above the rate) decides how fast they may be spent: a stall is made up afterwards, and no sliding second grants
/// more than burst + pace rate. Both limiters are in manual mode, replenished by elapsed time from our own short timer
/// and before every acquire, so what they hold does not depend on when the limiter's own timer runs.
/// </remarks>
/// <param name="defaultRate">The rate used before the first <see cref="Configure"/> (before the store's setting was read).</param>
/// <param name="burstFor">Tokens the bucket holds at a given rate (without <paramref name="paceFor"/>).</param>
/// <param name="queueLimit">Callers that may wait at once.</param>
/// <param name="paceFor">The most tokens per second while making up for a stall; null: no making up.</param>
public sealed class RateBucket(int defaultRate, Func<int, int> burstFor, int queueLimit, Func<int, int>? paceFor = null) : IDisposable
{
    /// <summary>How often a waiting caller is looked at: a token is granted at most this late, and it is not lost.</summary>
    public static readonly TimeSpan ReplenishEvery = TimeSpan.FromMilliseconds(10);

    private readonly object _sync = new();
    private TokenBucketRateLimiter? _bucket;
    private TokenBucketRateLimiter? _pace;
    private Timer? _timer;
    private bool _disposed;

    /// <summary>Tokens per second (0 until the first <see cref="Configure"/>).</summary>
    public int Rate { get; private set; }

    /// <summary>Sets the rate; the bucket is rebuilt only when the rate changed.</summary>
    public void Configure(int perSecond)
    {
        lock (_sync)
        {
            if (_bucket is not null && Rate == perSecond) return;
            _timer?.Dispose();
            _bucket?.Dispose();
            _pace?.Dispose();
            Rate = perSecond;
            var burst = Math.Clamp(burstFor(perSecond), 1, 100);
            // Making up: the budget holds a second's tokens, refilled at the rate as before.
            _bucket = Bucket(paceFor is null ? burst : Math.Max(burst, perSecond), burst, perSecond);
            _pace = paceFor is null ? null : Bucket(burst, 1, Math.Max(perSecond, paceFor(perSecond)));
            var (bucket, pace) = (_bucket, _pace);
            // The timer lives as long as the bucket: it must not keep the first caller's context (and what it holds) alive.
            using (ExecutionContext.SuppressFlow())
                _timer = new Timer(_ => Replenish(bucket, pace), null, ReplenishEvery, ReplenishEvery);
        }
    }

    // Manual mode: TryReplenish adds rate × the time since its last call (fractions kept), however late the call comes.
    private static void Replenish(TokenBucketRateLimiter bucket, TokenBucketRateLimiter? pace)
    {
        bucket.TryReplenish();
        pace?.TryReplenish();
    }

    private TokenBucketRateLimiter Bucket(int limit, int perPeriod, int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = TimeSpan.FromSeconds((double)perPeriod / perSecond),
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = false,
    });

    /// <summary>Waits for one token (and, when making up for a stall, for its turn at the pace rate).</summary>
    public async Task AcquireAsync(CancellationToken ct)
    {
        while (true)
        {
            TokenBucketRateLimiter? bucket, pace;
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this); // else a disposed bucket would be retried forever
                (bucket, pace) = (_bucket, _pace);
            }
            if (bucket is null)
            {
                Configure(defaultRate);
                continue;
            }
            try
            {
                Replenish(bucket, pace);
                using var lease = await bucket.AcquireAsync(1, ct);
                if (!lease.IsAcquired) continue;
                if (pace is null) return;
                using var turn = await pace.AcquireAsync(1, ct);
                if (turn.IsAcquired) return;
            }
            catch (ObjectDisposedException)
            {
                // The rate changed while we waited: take a token from the new bucket.
            }
        }
    }

    /// <summary>Takes a token when one is free, never waits (nothing happens before the first <see cref="Configure"/>).</summary>
    public void TakeIfFree()
    {
        TokenBucketRateLimiter? bucket;
        lock (_sync) bucket = _bucket;
        try
        {
            if (bucket is null) return;
            bucket.TryReplenish();
            bucket.AttemptAcquire(1).Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The rate just changed; the caller goes anyway.
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _timer?.Dispose();
            _bucket?.Dispose();
            _pace?.Dispose();
        }
    }
}
