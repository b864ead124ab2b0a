namespace BotAutoOrder.Web.Workers;

public enum SendOutcome
{
    Sent,
    /// <summary>429: wait exactly <see cref="SendResult.RetryAfter"/>, then try again.</summary>
    RateLimited,
    /// <summary>403: the buyer blocked the bot (or is gone); never retried.</summary>
    Blocked,
    /// <summary>A request Telegram will never accept (400): recorded, not retried.</summary>
    Rejected,
    /// <summary>Network or server trouble: retried with back-off.</summary>
    Transient,
}

public sealed record SendResult(SendOutcome Outcome, TimeSpan RetryAfter = default, string? Error = null)
{
    public static readonly SendResult Ok = new(SendOutcome.Sent);
}
