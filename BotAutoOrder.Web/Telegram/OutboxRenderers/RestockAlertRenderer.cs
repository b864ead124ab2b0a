using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Restock;
using Microsoft.EntityFrameworkCore;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.RestockAlert"/>: a product the buyer waited for is back, with its live price and stock and a
/// button to it. Not sent when the product was hidden or deleted in the meantime, nor when it sold out again before this
/// buyer's turn (a few items for many subscribers): that buyer is subscribed again and told next time instead.
/// </summary>
public sealed class RestockAlertRenderer(AppDbContext db, CatalogService catalog, RestockService restock, BotTexts texts, Buttons buttons,
    ProductExtras extras) : IOutboxRenderer
{
    public string Kind => OutboxKinds.RestockAlert;

    public async Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct)
    {
        var productId = RendererHelpers.Read<RestockPayload>(message).ProductId;
        var product = await catalog.GetProductAsync(productId, ct);
        if (product is null) return "product no longer for sale";
        if (!product.IsSoldOut) return null;
        var customerId = await db.Customers.Where(c => c.TelegramUserId == message.ChatId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (customerId is { } id) await restock.SubscribeAsync(productId, id, ct);
        return "sold out again before this alert: the buyer waits for the next restock";
    }

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var product = await catalog.GetProductAsync(RendererHelpers.Read<RestockPayload>(message).ProductId, ct)
                      ?? throw new InvalidOperationException("product no longer for sale");
        var lang = await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct);
        var view = await buttons.Callback(BotTextCatalog.BtnViewProduct, lang, CallbackData.Product(product.Id, 1), ct);
        await client.SendMessage(message.ChatId, await texts.RenderAsync(BotTextCatalog.RestockAlert, lang, ct,
                ("product", product.Name), ("price", Rupiah.Display(product.Price)), ("stock", await extras.StockAsync(product, lang, ct))),
            ParseMode.Html, replyMarkup: new InlineKeyboardMarkup(view), cancellationToken: ct);
    }
}
