namespace BotAutoOrder.Domain.Messaging;

/// <summary>How an outbox row records why it failed, where other code must tell the reasons apart.</summary>
public static class OutboxErrors
{
    /// <summary>Prefix of <see cref="OutboxMessage.LastError"/> when Telegram answered 403 (the buyer blocked the bot or is
    /// gone).</summary>
    public const string BlockedPrefix = "blocked: ";
}
