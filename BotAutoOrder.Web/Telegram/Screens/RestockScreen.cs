using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Restock;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>"🔔 Kabari saya" on a sold-out product: subscribes the buyer and says so in the button's toast.</summary>
public sealed class RestockScreen(RestockService restock, CatalogService catalog)
{
    public async Task SubscribeAsync(BuyerContext buyer, long productId, CancellationToken ct)
    {
        var product = await catalog.GetProductAsync(productId, ct);
        if (product is null || !await restock.SubscribeAsync(productId, buyer.Customer.Id, ct))
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.ProductGone), alert: true);
            return;
        }
        // Plain text in a toast: the template's HTML escaping is undone by Telegram only in messages, so no tags here.
        await buyer.AnswerAsync(System.Net.WebUtility.HtmlDecode(await buyer.Text(BotTextCatalog.RestockSubscribed,
            ("product", product.Name))), alert: true);
    }
}
