namespace BotAutoOrder.Web.Playground;

/// <summary>Who wrote a transcript entry: the bot, the buyer, or the playground itself (a rejected Bot API call).</summary>
public enum PlaygroundAuthor
{
    Bot,
    Buyer,
    System,
}
