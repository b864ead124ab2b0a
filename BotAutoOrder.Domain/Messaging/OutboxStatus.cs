namespace BotAutoOrder.Domain.Messaging;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Given up (permanent error or too many attempts); visible on the System page.</summary>
    Failed,
}
