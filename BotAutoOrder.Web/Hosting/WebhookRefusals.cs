using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Webhooks:*</c>: how many refused webhook requests one IP address may cause per minute.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Refusals (bad secret, malformed, unknown or mismatched payment) per IP per minute before it gets 429.</summary>
    public int RefusalsPerMinute { get; set; } = 30;
}

/// <summary>
/// A per-IP budget of refusals for <c>/webhooks/pakasir</c> and <c>/webhooks/telegram</c>. Only refusals spend it, and a
/// request that proves itself (the right secret header) is never limited, so a genuine Telegram update or Pakasir
/// payment is never lost to it; an address that keeps sending forgeries is answered 429 before any work is done.
/// </summary>
public sealed class WebhookRefusals : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _limiter;

    public WebhookRefusals(IOptions<WebhookOptions> options)
    {
        var limit = Math.Max(1, options.Value.RefusalsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>True when this address has used up its refusals: answer <see cref="TooMany"/> without doing any work.</summary>
    public bool Exhausted(HttpContext http)
    {
        using var probe = _limiter.AttemptAcquire(Key(http), 0);
        return !probe.IsAcquired;
    }

    /// <summary>Spends one refusal of this address and returns <paramref name="refusal"/>.</summary>
    public IResult Refuse(HttpContext http, IResult refusal)
    {
        using var _ = _limiter.AttemptAcquire(Key(http));
        return refusal;
    }

    public static IResult TooMany(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.StatusCode(StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
