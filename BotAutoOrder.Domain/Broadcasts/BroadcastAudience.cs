namespace BotAutoOrder.Domain.Broadcasts;

public enum BroadcastAudience
{
    AllReachable,
    Purchasers,
}
