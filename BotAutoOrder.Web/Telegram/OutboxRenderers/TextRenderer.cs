using BotAutoOrder.Domain.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.Text"/>: ready HTML, optionally with inline buttons.</summary>
public sealed class TextRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.Text;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var text = RendererHelpers.Read<TextPayload>(message);
        await client.SendMessage(message.ChatId, text.Html, ParseMode.Html, replyMarkup: Keyboard(text.Buttons),
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
    }

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ButtonPayload>>? rows) =>
        rows is null ? null : new InlineKeyboardMarkup(rows.Select(r => r.Select(b => b.Url is not null
            ? InlineKeyboardButton.WithUrl(b.Label, b.Url)
            : InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData ?? "noop")).ToArray()));
}
