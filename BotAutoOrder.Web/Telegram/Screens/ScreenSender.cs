using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Shows a screen: edits the message a button sits on (navigation stays in one message), else sends a new one.</summary>
public sealed class ScreenSender(ITelegramBotClient bot)
{
    public async Task ShowAsync(BuyerContext buyer, string html, InlineKeyboardMarkup? keyboard, CancellationToken ct,
        bool newMessage = false)
    {
        if (!newMessage && buyer.MessageId is { } messageId)
        {
            try
            {
                await bot.EditMessageText(buyer.ChatId, messageId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400
                && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // A photo (QR) or an old message cannot be edited into text: send a fresh one below.
            }
        }
        await bot.SendMessage(buyer.ChatId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
    }
}
