using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>The one place an update is turned into the bot's answer: switches on the update's shape.</summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot,
    CustomerService customers,
    AppDbContext db,
    BotTexts texts,
    MainMenu menu,
    StartScreen start,
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
        var lang = BotTexts.LanguageFor(customer.LanguageCode);
        if (customer.IsBlocked)
        {
            await bot.SendMessage(message.Chat.Id, await texts.RenderAsync(BotTextCatalog.Blocked, lang, ct), ParseMode.Html, cancellationToken: ct);
            return;
        }

        var text = message.Text?.Trim() ?? "";
        if (text.StartsWith("/start", StringComparison.OrdinalIgnoreCase))
        {
            await start.ShowAsync(message.Chat.Id, customer, ct);
            return;
        }
        var menuButton = text.Length > 0 ? await menu.MatchAsync(text, ct) : null;
        if (menuButton == BotTextCatalog.MenuProducts)
        {
            await start.ShowCategoriesAsync(message.Chat.Id, lang, ct);
            return;
        }
        await bot.SendMessage(message.Chat.Id, await texts.RenderAsync(BotTextCatalog.UnknownText, lang, ct), ParseMode.Html,
            replyMarkup: await menu.KeyboardAsync(lang, ct), cancellationToken: ct);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var customer = await customers.UpsertAsync(ProfileOf(query.From), ct);
        var lang = BotTexts.LanguageFor(customer.LanguageCode);
        if (customer.IsBlocked)
        {
            await AnswerAsync(query, await texts.RenderAsync(BotTextCatalog.Blocked, lang, ct), ct);
            return;
        }
        var (verb, _) = CallbackData.Parse(query.Data);
        log.LogDebug("Callback {Verb} from {UserId}", verb, query.From.Id);
        await AnswerAsync(query, await texts.RenderAsync(BotTextCatalog.StaleButton, lang, ct), ct);
    }

    private async Task OnMyChatMemberAsync(ChatMemberUpdated update, CancellationToken ct)
    {
        if (update.Chat.Type != ChatType.Private) return;
        var kicked = update.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.TelegramUserId == update.From.Id, ct);
        if (customer is null) return;
        if (kicked) customer.MarkUnreachable();
        else customer.UpdateProfile(update.From.FirstName, update.From.LastName, update.From.Username, update.From.LanguageCode, DateTime.SpecifyKind(update.Date, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Buyer {UserId} {Change} the bot", update.From.Id, kicked ? "blocked" : "unblocked");
    }

    /// <summary>Answers a callback at once; an old query ("query is too old") is not an error worth more than a line.</summary>
    private async Task AnswerAsync(CallbackQuery query, string? text, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(query.Id, text, cancellationToken: ct);
        }
        catch (global::Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase))
        {
            log.LogDebug("Callback {QueryId} too old to answer", query.Id);
        }
    }

    private static TelegramProfile ProfileOf(User user) =>
        new(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode);
}
