using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.RestockAlert"/>: a product the buyer waited for is back, with its live price and stock and a
/// button to it. Not sent when the product was hidden or deleted in the meantime.
/// </summary>
public sealed class RestockAlertRenderer(AppDbContext db, CatalogService catalog, BotTexts texts, Buttons buttons, ProductExtras extras)
    : IOutboxRenderer
{
    public string Kind => OutboxKinds.RestockAlert;

    public async Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct) =>
        await catalog.GetProductAsync(RendererHelpers.Read<RestockPayload>(message).ProductId, ct) is null ? "product no longer for sale"
            : null;

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
