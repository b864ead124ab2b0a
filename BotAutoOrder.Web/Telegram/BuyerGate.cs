using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// Who is talking to the bot, and may they: the buyer recorded on every update (<see cref="OpenAsync"/>), then a blocked
/// buyer or one over the spam limit stopped with one answer (<see cref="AdmitAsync"/>); and a buyer blocking or
/// unblocking the bot recorded (<see cref="RecordMembershipAsync"/>).
/// </summary>
public sealed class BuyerGate(ITelegramBotClient bot, CustomerService customers, BotTexts texts, SpamGuard spam,
    SettingsService settings, AdminAlerts alerts, ILogger<BuyerGate> log)
{
    /// <summary>Creates or refreshes the buyer and the context the screens answer in.</summary>
    public async Task<BuyerContext> OpenAsync(User from, long chatId, CallbackQuery? query, CancellationToken ct)
    {
        var customer = await customers.UpsertAsync(ProfileOf(from), ct);
        return new BuyerContext(bot, texts, customer, chatId, BotTexts.LanguageFor(customer.LanguageCode), query, ct);
    }

    /// <returns>False when the buyer is blocked or over the spam limit (answered here; nothing else is done).</returns>
    public async Task<bool> AdmitAsync(BuyerContext buyer, CancellationToken ct)
    {
        if (buyer.Customer.IsBlocked)
        {
            await TellAsync(buyer, await buyer.Text(BotTextCatalog.Blocked), ct);
            return false;
        }
        return !await IsSpamAsync(buyer, ct);
    }

    /// <summary>The buyer blocked (or deleted) the private chat with the bot, or started it again.</summary>
    public async Task RecordMembershipAsync(ChatMemberUpdated update, CancellationToken ct)
    {
        if (update.Chat.Type != ChatType.Private) return;
        var kicked = update.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        if (!await customers.RecordMembershipAsync(ProfileOf(update.From), kicked, DateTime.SpecifyKind(update.Date, DateTimeKind.Utc), ct))
            return;
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
            await TellAsync(buyer, await buyer.Text(BotTextCatalog.SpamWarning), ct);
            var who = Html.Escape(buyer.Customer.DisplayName) + (buyer.Customer.Username is { } u ? " @" + Html.Escape(u) : "");
            await alerts.SendAsync($"🚨 <b>Spam</b>: {who} (<code>{buyer.Customer.TelegramUserId}</code>) mengirim lebih dari " +
                $"{rules.SpamMaxActions} aksi dalam {rules.SpamWindowSeconds} detik.", ct);
            log.LogWarning("Buyer {UserId} tripped the spam limit", buyer.Customer.TelegramUserId);
        }
        return true;
    }

    /// <summary>A button press gets an alert on the button; a message gets a message.</summary>
    private async Task TellAsync(BuyerContext buyer, string html, CancellationToken ct)
    {
        if (buyer.IsCallback) await buyer.AnswerAsync(html, alert: true);
        else await bot.SendMessage(buyer.ChatId, html, ParseMode.Html, cancellationToken: ct);
    }

    private static TelegramProfile ProfileOf(User user) => new(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode);
}
