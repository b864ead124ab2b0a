namespace BotAutoOrder.Domain.Broadcasts;

public enum BroadcastStatus
{
    Draft,
    Sending,
    Completed,
    Cancelled,
}
