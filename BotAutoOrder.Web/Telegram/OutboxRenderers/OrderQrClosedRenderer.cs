using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.Screens;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.OrderQrClosed"/>: the QR photo's caption says paid, expired or cancelled (nothing when no QR was
/// shown).</summary>
public sealed class OrderQrClosedRenderer(AppDbContext db, InvoiceCaptions captions) : IOutboxRenderer
{
    public string Kind => OutboxKinds.OrderQrClosed;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var payload = RendererHelpers.Read<OrderPayload>(message);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == payload.OrderId, ct);
        if (order.QrChatId is not { } chat || order.QrMessageId is not { } messageId) return;
        var caption = await captions.ClosedAsync(order.InvoiceCode, payload.Reason ?? "cancelled",
            await RendererHelpers.LanguageOfAsync(db, chat, ct), ct);
        await client.EditMessageCaption(chat, messageId, caption, ParseMode.Html, cancellationToken: ct);
    }
}
