using BotAutoOrder.Domain.Messaging;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.Document"/>: a ready text file with an HTML caption.</summary>
public sealed class DocumentRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.Document;

    public Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var doc = RendererHelpers.Read<DocumentPayload>(message);
        return RendererHelpers.SendFileAsync(client, message.ChatId, doc.FileName, doc.Content, doc.CaptionHtml, ct);
    }
}
