using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>
/// Who the bot is answering and where: the buyer, their chat and language, and — for a button press — the message the
/// button sits on and a once-only answer to the callback (Telegram shows a spinner until it is answered) — and the bot's
/// texts in the buyer's language (<see cref="Text"/>), so a screen does not pass the language and token to every text.
/// </summary>
public sealed class BuyerContext(ITelegramBotClient bot, BotTexts texts, Customer customer, long chatId, string lang, CallbackQuery? query,
    CancellationToken ct)
{
    private int _answered;

    public Customer Customer { get; } = customer;
    public long ChatId { get; } = chatId;
    public string Lang { get; } = lang;
    public int? MessageId => query?.Message?.Id;
    public bool IsCallback => query is not null;

    /// <summary>A bot text in the buyer's language (the admin's override if there is one), its values escaped.</summary>
    public Task<string> Text(TextTemplate template, params (string Name, object? Value)[] values) =>
        texts.RenderAsync(template, Lang, ct, values);

    /// <summary>Answers the button press (once; later calls do nothing). An old query is not an error.</summary>
    public async Task AnswerAsync(string? toast = null, bool alert = false)
    {
        if (query is null || Interlocked.Exchange(ref _answered, 1) == 1) return;
        try
        {
            await bot.AnswerCallbackQuery(query.Id, toast, alert);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400
            && e.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase))
        {
            // The buyer pressed long ago; nothing to answer any more.
        }
    }
}
