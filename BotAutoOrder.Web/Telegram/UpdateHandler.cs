using System.Globalization;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// The one place an update becomes the bot's answer: switches on the update's shape, then on the command, menu button
/// or button verb. Every button press is answered (in <c>finally</c>), stale or not.
/// </summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot,
    CustomerService customers,
    AppDbContext db,
    BotTexts texts,
    MainMenu menu,
    StartScreen start,
    CatalogScreen catalog,
    CartScreen cart,
    CheckoutScreen checkout,
    AccountScreen account,
    TermsScreen terms,
    ClaimScreen claims,
    SpamGuard spam,
    SettingsService settings,
    Outbox outbox,
    ShopExtrasRouter extras,
    ILogger<UpdateHandler> log)
{
    public Task HandleAsync(Update update, CancellationToken ct) => update switch
    {
        { Message: { } message } => OnMessageAsync(message, ct),
        { CallbackQuery: { } query } => OnCallbackAsync(query, ct),
        { MyChatMember: { } member } => OnMyChatMemberAsync(member, ct),
        _ => Task.CompletedTask,
    };

    private async Task OnMessageAsync(Message message, CancellationToken ct)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from) return;
        var customer = await customers.UpsertAsync(ProfileOf(from), ct);
        var buyer = new BuyerContext(bot, texts, customer, message.Chat.Id, BotTexts.LanguageFor(customer.LanguageCode), null, ct);
        if (customer.IsBlocked)
        {
            await bot.SendMessage(buyer.ChatId, await buyer.Text(BotTextCatalog.Blocked), ParseMode.Html, cancellationToken: ct);
            return;
        }
        if (await IsSpamAsync(buyer, ct)) return;
        var text = message.Text?.Trim() ?? "";
        var photo = message.Photo?.OrderByDescending(p => p.FileSize ?? p.Width * p.Height).FirstOrDefault()?.FileId;
        var (command, argument) = SplitCommand(text);
        switch (command)
        {
            case "/start":
                await start.ShowAsync(buyer.ChatId, customer, ct);
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
        if (button == BotTextCatalog.MenuProducts) await start.ShowCategoriesAsync(buyer.ChatId, buyer.Lang, ct);
        else if (button == BotTextCatalog.MenuCart) await cart.ShowAsync(buyer, ct);
        else if (button == BotTextCatalog.MenuBalance) await account.ShowBalanceAsync(buyer, 0, ct);
        else if (button == BotTextCatalog.MenuOrders) await account.ShowOrdersAsync(buyer, 0, ct);
        else if (button == BotTextCatalog.MenuHelp) await account.ShowHelpAsync(buyer, ct);
        else if (button is null && await extras.TryTextAsync(buyer, text, ct)) return;
        else await bot.SendMessage(buyer.ChatId, await buyer.Text(BotTextCatalog.UnknownText), ParseMode.Html,
            replyMarkup: await menu.KeyboardAsync(buyer.Lang, ct), cancellationToken: ct);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var customer = await customers.UpsertAsync(ProfileOf(query.From), ct);
        var buyer = new BuyerContext(bot, texts, customer, query.Message?.Chat.Id ?? query.From.Id,
            BotTexts.LanguageFor(customer.LanguageCode), query, ct);
        try
        {
            if (customer.IsBlocked)
            {
                await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.Blocked), alert: true);
                return;
            }
            if (await IsSpamAsync(buyer, ct)) return;
            if (!await RouteAsync(buyer, query.Data, ct))
            {
                log.LogDebug("Stale or unknown button {Data} from {UserId}", query.Data, query.From.Id);
                await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            }
        }
        finally
        {
            await buyer.AnswerAsync();
        }
    }

    /// <returns>False for an unknown verb or malformed arguments (a stale or forged button).</returns>
    private async Task<bool> RouteAsync(BuyerContext buyer, string? data, CancellationToken ct)
    {
        var (verb, args) = CallbackData.Parse(data);
        long id;
        int n;
        switch (verb)
        {
            case CallbackData.Noop: return true;
            case CallbackData.Categories: await start.ShowCategoriesAsync(buyer, ct); return true;
            case CallbackData.CategoryVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await catalog.ShowCategoryAsync(buyer, id, n, ct); return true;
            case CallbackData.ProductVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await catalog.ShowProductAsync(buyer, id, n, ct); return true;
            case CallbackData.AddVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await cart.AddAsync(buyer, id, n, ct); return true;
            case CallbackData.Cart: await cart.ShowAsync(buyer, ct); return true;
            case CallbackData.CartQuantityVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await cart.SetQuantityAsync(buyer, id, n, ct); return true;
            case CallbackData.ClearCart: await cart.ClearAsync(buyer, ct); return true;
            case CallbackData.Voucher: await cart.PromptVoucherAsync(buyer, ct); return true;
            case CallbackData.RemoveVoucher: await cart.RemoveVoucherAsync(buyer, ct); return true;
            case CallbackData.Checkout: await checkout.ShowChoiceAsync(buyer, ct); return true;
            case CallbackData.PayVerb when args is ["q"]: await checkout.PayAsync(buyer, PaymentMethod.Qris, ct); return true;
            case CallbackData.PayVerb when args is ["b"]: await checkout.PayAsync(buyer, PaymentMethod.Balance, ct); return true;
            case CallbackData.StatusVerb when CallbackData.TryLong(args, 0, out id): await checkout.CheckStatusAsync(buyer, id,
                ct); return true;
            case CallbackData.CancelVerb when CallbackData.TryLong(args, 0, out id): await checkout.CancelAsync(buyer, id, ct); return true;
            case CallbackData.Orders: await account.ShowOrdersAsync(buyer, CallbackData.TryInt(args, 0, out n) ? n : 0, ct); return true;
            case CallbackData.OrderVerb when CallbackData.TryLong(args, 0, out id): await account.ShowOrderAsync(buyer, id,
                ct); return true;
            case CallbackData.ResendVerb when CallbackData.TryLong(args, 0, out id): await account.ResendAsync(buyer, id, ct); return true;
            case CallbackData.Balance: await account.ShowBalanceAsync(buyer, CallbackData.TryInt(args, 0, out n) ? n : 0, ct); return true;
            case CallbackData.DepositVerb when CallbackData.TryLong(args, 0, out id): await account.StartDepositAsync(buyer, id,
                ct); return true;
            case CallbackData.DepositStatusVerb when CallbackData.TryLong(args, 0, out id): await account.DepositStatusAsync(buyer, id,
                ct); return true;
            case CallbackData.TermsVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryLong(args, 1, out var productId):
                await terms.StartAsync(buyer, id, productId, ct); return true;
            case CallbackData.ReplaceProofVerb when CallbackData.TryLong(args, 0, out id): await terms.ReplaceAsync(buyer, id,
                ct); return true;
            default: return await claims.RouteAsync(buyer, verb, args, ct) || await extras.TryRouteAsync(buyer, verb, args, ct);
        }
    }

    private async Task OnMyChatMemberAsync(ChatMemberUpdated update, CancellationToken ct)
    {
        if (update.Chat.Type != ChatType.Private) return;
        var kicked = update.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.TelegramUserId == update.From.Id, ct);
        if (customer is null) return;
        if (kicked) customer.MarkUnreachable();
        else customer.UpdateProfile(update.From.FirstName, update.From.LastName, update.From.Username, update.From.LanguageCode,
            DateTime.SpecifyKind(update.Date, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Buyer {UserId} {Change} the bot", update.From.Id, kicked ? "blocked" : "unblocked");
    }

    /// <summary>Too many updates too fast: one warning per window to the buyer and one alert to the admins, then silence.</summary>
    private async Task<bool> IsSpamAsync(BuyerContext buyer, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        var verdict = spam.Check(buyer.Customer.TelegramUserId, rules.SpamMaxActions, TimeSpan.FromSeconds(rules.SpamWindowSeconds));
        if (verdict == SpamVerdict.Allow) return false;
        if (verdict == SpamVerdict.Warn)
        {
            var warning = await buyer.Text(BotTextCatalog.SpamWarning);
            if (buyer.IsCallback) await buyer.AnswerAsync(warning, alert: true);
            else await bot.SendMessage(buyer.ChatId, warning, ParseMode.Html, cancellationToken: ct);
            var who = Html.Escape(buyer.Customer.DisplayName) + (buyer.Customer.Username is { } u ? " @" + Html.Escape(u) : "");
            outbox.ToAdmins(OutboxKinds.Text, new TextPayload(
                $"🚨 <b>Spam</b>: {who} (<code>{buyer.Customer.TelegramUserId}</code>) mengirim lebih dari {rules.SpamMaxActions} aksi dalam {rules.SpamWindowSeconds} detik."));
            await db.SaveChangesAsync(ct);
            log.LogWarning("Buyer {UserId} tripped the spam limit", buyer.Customer.TelegramUserId);
        }
        return true;
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

    private static TelegramProfile ProfileOf(User user) => new(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode);
}
