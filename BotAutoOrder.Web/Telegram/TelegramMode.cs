namespace BotAutoOrder.Web.Telegram;

public enum TelegramMode
{
    /// <summary>Telegram posts updates to <c>/webhooks/telegram</c> (production).</summary>
    Webhook,
    /// <summary>The app long-polls <c>getUpdates</c> (a developer without a public URL).</summary>
    Polling,
    /// <summary>No token: the bot runs in the in-browser playground.</summary>
    Playground,
}
