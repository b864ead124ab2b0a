using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.OrderTerms"/>: a product's terms after delivery, with the "fulfil terms" button.</summary>
public sealed class OrderTermsRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.OrderTerms;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var payload = RendererHelpers.Read<OrderTermsPayload>(message);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == payload.ProductId, ct);
        var lang = await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct);
        var text = await texts.RenderAsync(BotTextCatalog.TermsMessage, lang, ct, ("product", product.Name),
            ("terms", product.TermsText ?? ""));
        var button = InlineKeyboardButton.WithCallbackData(await texts.RenderAsync(BotTextCatalog.BtnFulfilTerms, lang, ct),
            CallbackData.Terms(payload.OrderId, payload.ProductId));
        await client.SendMessage(message.ChatId, text, ParseMode.Html, replyMarkup: new InlineKeyboardMarkup(button),
            cancellationToken: ct);
    }
}
