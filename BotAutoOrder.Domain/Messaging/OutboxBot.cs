namespace BotAutoOrder.Domain.Messaging;

/// <summary>Which bot sends a message: the shop bot, or the optional owner-alert bot.</summary>
public enum OutboxBot
{
    Shop,
    Owner,
}
