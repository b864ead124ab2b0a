using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

public static class AllowedUpdates
{
    /// <summary>What the bot handles; <c>my_chat_member</c> tells us when a buyer blocks the bot.</summary>
    public static readonly UpdateType[] List = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];
}
