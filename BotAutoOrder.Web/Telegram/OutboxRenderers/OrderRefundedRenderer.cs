using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.OrderRefunded"/>: the admin refunded an order to the buyer's balance.</summary>
public sealed class OrderRefundedRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.OrderRefunded;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == RendererHelpers.Read<OrderPayload>(message).OrderId, ct);
        await client.SendMessage(message.ChatId,
            await texts.RenderAsync(BotTextCatalog.Refunded, await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct), ct,
            ("invoice", order.InvoiceCode), ("amount", Rupiah.Display(order.Total))), ParseMode.Html, cancellationToken: ct);
    }
}
