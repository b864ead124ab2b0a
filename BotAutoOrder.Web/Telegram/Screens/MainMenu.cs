using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>The persistent reply keyboard: Produk · Keranjang · Saldo · Pesanan Saya · Bantuan.</summary>
public sealed class MainMenu(BotTexts texts)
{
    public async Task<ReplyKeyboardMarkup> KeyboardAsync(BuyerContext buyer)
    {
        var products = await buyer.Text(BotTextCatalog.MenuProducts);
        var cart = await buyer.Text(BotTextCatalog.MenuCart);
        var balance = await buyer.Text(BotTextCatalog.MenuBalance);
        var orders = await buyer.Text(BotTextCatalog.MenuOrders);
        var help = await buyer.Text(BotTextCatalog.MenuHelp);
        return new ReplyKeyboardMarkup(new[]
        {
            new KeyboardButton[] { products, cart },
            new KeyboardButton[] { balance, orders },
            new KeyboardButton[] { help },
        })
        {
            ResizeKeyboard = true,
            IsPersistent = true,
        };
    }

    /// <summary>
    /// Which menu button a text is, or null. In either language (not only the buyer's): a buyer whose Telegram language
    /// changed still has the old keyboard.
    /// </summary>
    public async Task<TextTemplate?> MatchAsync(string text, CancellationToken ct)
    {
        foreach (var template in new[] { BotTextCatalog.MenuProducts, BotTextCatalog.MenuCart, BotTextCatalog.MenuBalance,
            BotTextCatalog.MenuOrders, BotTextCatalog.MenuHelp })
        foreach (var lang in new[] { BotTexts.Indonesian, BotTexts.English })
            if (string.Equals(await texts.RenderAsync(template, lang, ct), text.Trim(), StringComparison.OrdinalIgnoreCase))
                return template;
        return null;
    }
}
