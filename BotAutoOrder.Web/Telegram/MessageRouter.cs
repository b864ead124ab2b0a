using System.Globalization;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// A message from an admitted buyer: a command, a menu button, an answer the bot waits for (claim, terms proof, review
/// text), a search, or — none of these — the short hint with the menu.
/// </summary>
public sealed class MessageRouter(ITelegramBotClient bot, MainMenu menu, StartScreen start, CartScreen cart, AccountScreen account,
    TermsScreen terms, ClaimScreen claims, ShopExtrasRouter extras)
{
    public async Task RouteAsync(BuyerContext buyer, Message message, CancellationToken ct)
    {
        var text = message.Text?.Trim() ?? "";
        var photo = message.Photo?.OrderByDescending(p => p.FileSize ?? p.Width * p.Height).FirstOrDefault()?.FileId;
        var (command, argument) = SplitCommand(text);
        switch (command)
        {
            case "/start":
                await start.ShowAsync(buyer, ct);
                return;
            case "/voucher" when argument.Length > 0:
                await cart.ApplyVoucherAsync(buyer, argument, ct);
                return;
            case "/deposit" when long.TryParse(argument.Replace(".", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture,
                out var amount):
                await account.StartDepositAsync(buyer, amount, ct);
                return;
            case "/help":
                await account.ShowHelpAsync(buyer, ct);
                return;
        }
        var button = text.Length > 0 ? await menu.MatchAsync(text, ct) : null;
        if (button is null && command.Length == 0
            && await claims.TryTakeInputAsync(buyer, text.Length > 0 ? text : message.Caption, photo, ct)) return;
        if (button is null && command.Length == 0
            && await terms.TrySubmitAsync(buyer, text.Length > 0 ? text : message.Caption, photo, ct)) return;
        if (button == BotTextCatalog.MenuProducts) await start.ShowCategoriesAsync(buyer, ct);
        else if (button == BotTextCatalog.MenuCart) await cart.ShowAsync(buyer, ct);
        else if (button == BotTextCatalog.MenuBalance) await account.ShowBalanceAsync(buyer, 0, ct);
        else if (button == BotTextCatalog.MenuOrders) await account.ShowOrdersAsync(buyer, 0, ct);
        else if (button == BotTextCatalog.MenuHelp) await account.ShowHelpAsync(buyer, ct);
        else if (button is null && await extras.TryTextAsync(buyer, text, ct)) return;
        else await bot.SendMessage(buyer.ChatId, await buyer.Text(BotTextCatalog.UnknownText), ParseMode.Html,
            replyMarkup: await menu.KeyboardAsync(buyer), cancellationToken: ct);
    }

    /// <summary><c>/voucher@ShopBot HEMAT10</c> → (<c>/voucher</c>, <c>HEMAT10</c>).</summary>
    private static (string Command, string Argument) SplitCommand(string text)
    {
        if (!text.StartsWith('/')) return ("", text);
        var space = text.IndexOf(' ');
        var command = space < 0 ? text : text[..space];
        var at = command.IndexOf('@');
        if (at > 0) command = command[..at];
        return (command.ToLowerInvariant(), space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
