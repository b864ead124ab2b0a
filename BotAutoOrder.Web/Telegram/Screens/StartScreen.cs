using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>/start: greeting with live stats and the reply keyboard, then the category buttons.</summary>
public sealed class StartScreen(ITelegramBotClient bot, MainMenu menu, CatalogService catalog, SettingsService settings,
    ScreenSender screens)
{
    public async Task ShowAsync(BuyerContext buyer, CancellationToken ct)
    {
        var stats = await catalog.GetStatsAsync(ct);
        var greeting = await buyer.Text(BotTextCatalog.StartGreeting,
            ("name", buyer.Customer.FirstName), ("store", (await settings.GetAsync(ct)).StoreName),
            ("products", stats.ProductsAvailable), ("transactions", stats.CompletedOrders), ("buyers", stats.Buyers));
        await bot.SendMessage(buyer.ChatId, greeting, ParseMode.Html, replyMarkup: await menu.KeyboardAsync(buyer),
            cancellationToken: ct);
        await ShowCategoriesAsync(buyer, ct);
    }

    /// <summary>The category list: in place of the message a button sits on, else (a command, a menu button) a new message.</summary>
    public async Task ShowCategoriesAsync(BuyerContext buyer, CancellationToken ct)
    {
        var categories = await catalog.GetCategoriesAsync(ct);
        var text = await buyer.Text(categories.Count == 0 ? BotTextCatalog.StartNoProducts : BotTextCatalog.StartCategories);
        await screens.ShowAsync(buyer, text, categories.Count == 0 ? null : Keyboard(categories), ct);
    }

    private static InlineKeyboardMarkup Keyboard(IReadOnlyList<CategorySummary> categories) =>
        new(categories.Select(c =>
            InlineKeyboardButton.WithCallbackData($"{c.Name} ({c.ProductCount})", CallbackData.Category(c.Id))).Chunk(2));
}
