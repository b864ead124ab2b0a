using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Category → products (paginated) → product detail with the quantity stepper (➖ ➕ x2 x5 x10).</summary>
public sealed class CatalogScreen(CatalogService catalog, Buttons buttons, ScreenSender screens, ProductExtras extras)
{
    public const int PageSize = 8;

    public async Task ShowCategoryAsync(BuyerContext buyer, long categoryId, int page, CancellationToken ct)
    {
        var products = await catalog.GetProductsAsync(categoryId, page, PageSize, ct);
        if (products is null)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        var rows = ProductButtons(products.Items);
        var nav = new List<InlineKeyboardButton>();
        if (products.HasPrevious) nav.Add(InlineKeyboardButton.WithCallbackData("⬅️",
            CallbackData.Category(categoryId, products.PageIndex - 1)));
        if (products.HasNext) nav.Add(InlineKeyboardButton.WithCallbackData("➡️",
            CallbackData.Category(categoryId, products.PageIndex + 1)));
        if (nav.Count > 0) rows.Add(nav.ToArray());
        rows.Add([await buttons.Callback(BotTextCatalog.BtnCategories, buyer.Lang, CallbackData.Categories, ct),
            await buttons.Callback(BotTextCatalog.BtnCart, buyer.Lang, CallbackData.Cart, ct)]);
        var categoryName = (await catalog.GetCategoriesAsync(ct)).FirstOrDefault(c => c.Id == categoryId)?.Name ?? "";
        var text = products.TotalCount == 0
            ? await buyer.Text(BotTextCatalog.CategoryEmpty)
            : await buyer.Text(BotTextCatalog.CategoryHeader,
                ("category", categoryName), ("page", products.PageIndex + 1), ("pages", products.PageCount));
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(rows), ct);
    }

    /// <summary>One button per product (❌ when sold out); the search results use the same list.</summary>
    public static List<InlineKeyboardButton[]> ProductButtons(IEnumerable<ProductCard> products) => products.Select(p => new[]
    {
        InlineKeyboardButton.WithCallbackData($"{(p.IsSoldOut ? "❌ " : "")}{p.Name} · {Rupiah.Display(p.Price)}",
            CallbackData.Product(p.Id, 1)),
    }).ToList();

    public async Task ShowProductAsync(BuyerContext buyer, long productId, int quantity, CancellationToken ct)
    {
        var product = await catalog.GetProductAsync(productId, ct);
        if (product is null)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.ProductGone), alert: true);
            return;
        }
        var back = await buttons.Callback(BotTextCatalog.BtnBack, buyer.Lang, CallbackData.Category(product.CategoryId, 0), ct);
        var description = product.Description ?? "";
        if (product.IsSoldOut)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ProductSoldOut,
                ("name", product.Name), ("description", description), ("price", Rupiah.Display(product.Price))),
                new InlineKeyboardMarkup([[await extras.NotifyButtonAsync(buyer, product.Id, ct)], [back]]), ct);
            return;
        }
        var max = product.MaxPerOrder;
        quantity = Math.Clamp(quantity, 1, max);
        var limit = product.PerOrderLimit is { } l
            ? new TgHtml(await buyer.Text(BotTextCatalog.ProductLimit, ("limit", l)))
            : new TgHtml("");
        var text = await buyer.Text(BotTextCatalog.ProductDetail,
            ("name", product.Name), ("description", description), ("price", Rupiah.Display(product.Price)),
            ("stock", await extras.StockAsync(product, buyer.Lang, ct)), ("sold", product.Sold), ("limit", limit),
            ("rating", await extras.RatingAsync(product, buyer.Lang, ct)), ("quantity", quantity),
                ("subtotal", Rupiah.Display(product.Price * quantity)),
            ("warranty", new TgHtml(product.WarrantyDays > 0
                ? await buyer.Text(BotTextCatalog.ProductWarranty, ("days", product.WarrantyDays)) : "")));
        var stepper = new[]
        {
            InlineKeyboardButton.WithCallbackData("➖", CallbackData.Product(productId, Math.Max(1, quantity - 1))),
            InlineKeyboardButton.WithCallbackData(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), CallbackData.Noop),
            InlineKeyboardButton.WithCallbackData("➕", CallbackData.Product(productId, Math.Min(max, quantity + 1))),
        };
        var presets = new[] { 2, 5, 10 }.Where(n => n <= max)
            .Select(n => InlineKeyboardButton.WithCallbackData($"x{n}", CallbackData.Product(productId, n))).ToArray();
        var rows = new List<InlineKeyboardButton[]> { stepper };
        if (presets.Length > 0) rows.Add(presets);
        rows.Add([await buttons.Callback(BotTextCatalog.BtnAddToCart, buyer.Lang, CallbackData.AddToCart(productId, quantity), ct)]);
        rows.Add([back, await buttons.Callback(BotTextCatalog.BtnCart, buyer.Lang, CallbackData.Cart, ct)]);
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(rows), ct);
    }
}
