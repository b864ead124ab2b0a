using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>/start: greeting with live stats and the reply keyboard, then the category buttons.</summary>
public sealed class StartScreen(ITelegramBotClient bot, BotTexts texts, MainMenu menu, CatalogService catalog, SettingsService settings,
    ScreenSender screens)
{
    public async Task ShowAsync(long chatId, Customer customer, CancellationToken ct)
    {
        var lang = BotTexts.LanguageFor(customer.LanguageCode);
        var stats = await catalog.GetStatsAsync(ct);
        var greeting = await texts.RenderAsync(BotTextCatalog.StartGreeting, lang, ct,
            ("name", customer.FirstName), ("store", (await settings.GetAsync(ct)).StoreName),
            ("products", stats.ProductsAvailable), ("transactions", stats.CompletedOrders), ("buyers", stats.Buyers));
        await bot.SendMessage(chatId, greeting, ParseMode.Html, replyMarkup: await menu.KeyboardAsync(lang, ct), cancellationToken: ct);
        await ShowCategoriesAsync(chatId, lang, ct);
    }

    /// <summary>The category list in place of the message a button sits on.</summary>
    public async Task ShowCategoriesAsync(BuyerContext buyer, CancellationToken ct)
    {
        var categories = await catalog.GetCategoriesAsync(ct);
        var text = await buyer.Text(categories.Count == 0 ? BotTextCatalog.StartNoProducts : BotTextCatalog.StartCategories);
        await screens.ShowAsync(buyer, text, categories.Count == 0 ? null : Keyboard(categories), ct);
    }

    public async Task ShowCategoriesAsync(long chatId, string lang, CancellationToken ct)
    {
        var categories = await catalog.GetCategoriesAsync(ct);
        if (categories.Count == 0)
        {
            await bot.SendMessage(chatId, await texts.RenderAsync(BotTextCatalog.StartNoProducts, lang, ct), ParseMode.Html,
                cancellationToken: ct);
            return;
        }
        await bot.SendMessage(chatId, await texts.RenderAsync(BotTextCatalog.StartCategories, lang, ct), ParseMode.Html,
            replyMarkup: Keyboard(categories), cancellationToken: ct);
    }

    private static InlineKeyboardMarkup Keyboard(IReadOnlyList<CategorySummary> categories) =>
        new(categories.Select(c =>
            InlineKeyboardButton.WithCallbackData($"{c.Name} ({c.ProductCount})", CallbackData.Category(c.Id))).Chunk(2));
}
