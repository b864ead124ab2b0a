using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.ReviewPrompt"/>: after delivery, the star buttons for the order's first product not rated
/// yet (one prompt per order keeps the chat calm; an order of one product is the common case).
/// </summary>
public sealed class ReviewPromptRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.ReviewPrompt;

    public async Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct)
    {
        var orderId = RendererHelpers.Read<OrderPayload>(message).OrderId;
        var status = await db.Orders.Where(o => o.Id == orderId).Select(o => (OrderStatus?)o.Status).FirstOrDefaultAsync(ct);
        return OrderDeliveryRules.WhyNot(status);
    }

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var orderId = RendererHelpers.Read<OrderPayload>(message).OrderId;
        var line = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId
                && !db.Testimonials.Any(t => t.OrderId == orderId && t.ProductId == l.ProductId))
            .OrderBy(l => l.Id).Select(l => new { l.ProductId, l.ProductName }).FirstOrDefaultAsync(ct);
        if (line is null) return;
        var lang = await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct);
        await client.SendMessage(message.ChatId,
            await texts.RenderAsync(BotTextCatalog.ReviewPrompt, lang, ct, ("product", line.ProductName)),
            ParseMode.Html, replyMarkup: TestimonialScreen.Stars(orderId, line.ProductId), cancellationToken: ct);
    }
}
