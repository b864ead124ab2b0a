using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.Broadcast"/>: the broadcast's HTML, as a photo caption when it has a photo. A row in the
/// <see cref="OutboxLane.PaidBulk"/> lane is sent with <c>allow_paid_broadcast</c> (0.1 Star per message, up to 1000/s).
/// </summary>
public sealed class BroadcastRenderer(AppDbContext db) : IOutboxRenderer
{
    public string Kind => OutboxKinds.Broadcast;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var id = RendererHelpers.Read<BroadcastPayload>(message).BroadcastId;
        var broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        var paid = message.Lane == (int)OutboxLane.PaidBulk;
        if (broadcast.Photo is { Length: > 0 } photo)
        {
            await using var stream = new MemoryStream(photo);
            await client.SendPhoto(message.ChatId, InputFile.FromStream(stream, broadcast.PhotoFileName ?? "photo.jpg"), broadcast.HtmlText,
                ParseMode.Html, allowPaidBroadcast: paid, cancellationToken: ct);
        }
        else
        {
            await client.SendMessage(message.ChatId, broadcast.HtmlText, ParseMode.Html, allowPaidBroadcast: paid, cancellationToken: ct);
        }
    }
}
