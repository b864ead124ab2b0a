namespace BotAutoOrder.Domain.Broadcasts;

public enum BroadcastRecipientStatus
{
    Pending,
    Sent,
    Failed,
    Blocked,
    Cancelled,
}
