using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.Broadcast"/>: the broadcast's HTML, as a photo caption when it has a photo.</summary>
public sealed class BroadcastRenderer(AppDbContext db) : IOutboxRenderer
{
    public string Kind => OutboxKinds.Broadcast;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var id = RendererHelpers.Read<BroadcastPayload>(message).BroadcastId;
        var broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        if (broadcast.Photo is { Length: > 0 } photo)
        {
            await using var stream = new MemoryStream(photo);
            await client.SendPhoto(message.ChatId, InputFile.FromStream(stream, broadcast.PhotoFileName ?? "photo.jpg"), broadcast.HtmlText,
                ParseMode.Html, cancellationToken: ct);
        }
        else
        {
            await client.SendMessage(message.ChatId, broadcast.HtmlText, ParseMode.Html, cancellationToken: ct);
        }
    }
}
