using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.Screens;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.OrderDelivery"/>: the goods. One Bot API call — one HTML message when it fits, else one text
/// file — so a retry never sends half of a delivery twice (ADR-004). Every check on whether an order may still be
/// delivered belongs here, the single place a delivery is sent from.
/// </summary>
public sealed class OrderDeliveryRenderer(AppDbContext db, DeliveryRenderer deliveries, ShopMetrics metrics) : IOutboxRenderer
{
    public string Kind => OutboxKinds.OrderDelivery;

    /// <summary>An order refunded or cancelled while its delivery waited is not delivered (OrderDeliveryRules, ADR-010).</summary>
    public Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct) =>
        deliveries.WhyNotAsync(RendererHelpers.Read<OrderPayload>(message).OrderId, ct);

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var orderId = RendererHelpers.Read<OrderPayload>(message).OrderId;
        var delivery = await deliveries.RenderAsync(orderId,
            await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct), ct);
        if (delivery.Html is not null)
            await client.SendMessage(message.ChatId, delivery.Html, ParseMode.Html, cancellationToken: ct);
        else
            await RendererHelpers.SendFileAsync(client, message.ChatId, delivery.FileName!, delivery.FileContent!, delivery.Caption!, ct);
        // Payment→delivery time: the order's PaidAtUtc to now, when the goods reached the buyer's chat.
        if (await db.Orders.Where(o => o.Id == orderId).Select(o =>
            o.PaidAtUtc).FirstOrDefaultAsync(ct) is { } paidAt) metrics.OrderDelivered(paidAt);
    }
}
