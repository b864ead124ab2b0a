using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Inline buttons with labels from the text catalog.</summary>
public sealed class Buttons(BotTexts texts)
{
    public async Task<InlineKeyboardButton> Callback(TextTemplate label, string lang, string data, CancellationToken ct) =>
        InlineKeyboardButton.WithCallbackData(await texts.RenderAsync(label, lang, ct), data);

    public async Task<InlineKeyboardButton> Url(TextTemplate label, string lang, string url, CancellationToken ct) =>
        InlineKeyboardButton.WithUrl(await texts.RenderAsync(label, lang, ct), url);
}
