using System.Globalization;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>
/// What the product card shows for ADR-021: ∞ as the stock of an unlimited product, the rating line, and the
/// "🔔 Kabari saya" button on a sold-out product. Kept out of <see cref="CatalogScreen"/> so that screen stays small.
/// </summary>
public sealed class ProductExtras(BotTexts texts, Buttons buttons)
{
    public async Task<object> StockAsync(ProductCard product, string lang, CancellationToken ct) =>
        product.IsUnlimited ? new TgHtml(await texts.RenderAsync(BotTextCatalog.UnlimitedStock, lang, ct)) : product.Available;

    public async Task<TgHtml> RatingAsync(ProductCard product, string lang, CancellationToken ct) =>
        product is { Reviews: > 0, AverageRating: { } average }
            ? new TgHtml(await texts.RenderAsync(BotTextCatalog.ProductRating, lang, ct,
                ("rating", average.ToString("0.0", CultureInfo.GetCultureInfo("id-ID"))), ("count", product.Reviews)))
            : new TgHtml("");

    public Task<InlineKeyboardButton> NotifyButtonAsync(BuyerContext buyer, long productId, CancellationToken ct) =>
        buttons.Callback(BotTextCatalog.BtnNotifyMe, buyer.Lang, CallbackData.Restock(productId), ct);
}
