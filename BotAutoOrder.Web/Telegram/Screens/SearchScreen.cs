using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>
/// Text that is not a command, a menu button or an answer the bot waits for searches active products by name and code,
/// paged like a category (ADR-021); nothing found → a hint and the category buttons.
/// </summary>
public sealed class SearchScreen(CatalogService catalog, Buttons buttons, ScreenSender screens)
{
    /// <summary>Shorter text is not worth a search (a single letter matches half the shop): the old hint answers it.</summary>
    public const int MinQueryLength = 2;

    public static bool IsSearchable(string text) => text.Trim().Length >= MinQueryLength && !text.StartsWith('/');

    public async Task ShowAsync(BuyerContext buyer, string query, int page, CancellationToken ct)
    {
        // The query a page button can carry back (CallbackData.MaxSearchBytes): the first page searches the same text.
        query = System.Text.Encoding.UTF8.GetString(CallbackData.SearchBytes(query.Trim()));
        var found = await catalog.SearchAsync(query, page, CatalogScreen.PageSize, ct);
        if (found.TotalCount == 0)
        {
            var categories = await catalog.GetCategoriesAsync(ct);
            var keyboard = new InlineKeyboardMarkup(categories
                .Select(c => InlineKeyboardButton.WithCallbackData($"{c.Name} ({c.ProductCount})", CallbackData.Category(c.Id))).Chunk(2));
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.SearchNoMatch, ("query", query)),
                keyboard, ct);
            return;
        }
        var rows = CatalogScreen.ProductButtons(found.Items);
        var nav = new List<InlineKeyboardButton>();
        if (found.HasPrevious) nav.Add(InlineKeyboardButton.WithCallbackData("⬅️", CallbackData.Search(query, found.PageIndex - 1)));
        if (found.HasNext) nav.Add(InlineKeyboardButton.WithCallbackData("➡️", CallbackData.Search(query, found.PageIndex + 1)));
        if (nav.Count > 0) rows.Add(nav.ToArray());
        rows.Add([await buttons.Callback(BotTextCatalog.BtnCategories, buyer.Lang, CallbackData.Categories, ct),
            await buttons.Callback(BotTextCatalog.BtnCart, buyer.Lang, CallbackData.Cart, ct)]);
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.SearchResults,
            ("query", query), ("page", found.PageIndex + 1), ("pages", found.PageCount)), new InlineKeyboardMarkup(rows), ct);
    }
}
