using System.Threading.RateLimiting;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// A token bucket (<c>System.Threading.RateLimiting</c>) whose rate the store may change while callers wait: a new rate
/// builds a new bucket, and a caller waiting on the old one takes its token from the new one. Used twice by
/// <see cref="SendGate"/>: the free bulk budget and the paid-broadcast budget.
/// </summary>
/// <param name="defaultRate">The rate used before the first <see cref="Configure"/> (before the store's setting was read).</param>
/// <param name="burstFor">Tokens the bucket holds at a given rate.</param>
/// <param name="queueLimit">Callers that may wait at once.</param>
public sealed class RateBucket(int defaultRate, Func<int, int> burstFor, int queueLimit) : IDisposable
{
    private readonly object _sync = new();
    private TokenBucketRateLimiter? _bucket;

    /// <summary>Tokens per second (0 until the first <see cref="Configure"/>).</summary>
    public int Rate { get; private set; }

    /// <summary>Sets the rate; the bucket is rebuilt only when the rate changed.</summary>
    public void Configure(int perSecond)
    {
        lock (_sync)
        {
            if (_bucket is not null && Rate == perSecond) return;
            _bucket?.Dispose();
            Rate = perSecond;
            var burst = Math.Clamp(burstFor(perSecond), 1, 100);
            _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = burst,
                ReplenishmentPeriod = TimeSpan.FromSeconds((double)burst / perSecond),
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>Waits for one token.</summary>
    public async Task AcquireAsync(CancellationToken ct)
    {
        while (true)
        {
            TokenBucketRateLimiter? bucket;
            lock (_sync) bucket = _bucket;
            if (bucket is null)
            {
                Configure(defaultRate);
                continue;
            }
            try
            {
                using var lease = await bucket.AcquireAsync(1, ct);
                if (lease.IsAcquired) return;
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
            bucket?.AttemptAcquire(1).Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The rate just changed; the caller goes anyway.
        }
    }

    public void Dispose()
    {
        lock (_sync) _bucket?.Dispose();
    }
}
