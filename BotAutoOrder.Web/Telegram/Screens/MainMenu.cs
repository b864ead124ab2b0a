using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>The persistent reply keyboard: Produk · Keranjang · Saldo · Pesanan Saya · Bantuan.</summary>
public sealed class MainMenu(BotTexts texts)
{
    public async Task<ReplyKeyboardMarkup> KeyboardAsync(string lang, CancellationToken ct)
    {
        var products = await texts.RenderAsync(BotTextCatalog.MenuProducts, lang, ct);
        var cart = await texts.RenderAsync(BotTextCatalog.MenuCart, lang, ct);
        var balance = await texts.RenderAsync(BotTextCatalog.MenuBalance, lang, ct);
        var orders = await texts.RenderAsync(BotTextCatalog.MenuOrders, lang, ct);
        var help = await texts.RenderAsync(BotTextCatalog.MenuHelp, lang, ct);
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

    /// <summary>Which menu button a text is (in either language), or null.</summary>
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
