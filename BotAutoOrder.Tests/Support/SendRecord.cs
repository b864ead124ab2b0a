namespace BotAutoOrder.Tests.Support;

/// <summary>One send call seen by <see cref="TelegramLimits"/> and the status it was answered with.</summary>
public sealed record SendRecord(long ChatId, string Method, DateTimeOffset At, int Status, string? Text)
{
    /// <summary>The call carried <c>allow_paid_broadcast</c>.</summary>
    public bool Paid { get; init; }
}
