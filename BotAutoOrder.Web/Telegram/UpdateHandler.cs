using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// The one place an update becomes the bot's answer: switches on the update's shape; the buyer passes the
/// <see cref="BuyerGate"/> first, then <see cref="MessageRouter"/> or <see cref="CallbackRouter"/> picks the screen.
/// Every button press is answered (in <c>finally</c>), stale or not.
/// </summary>
public sealed class UpdateHandler(BuyerGate gate, MessageRouter messages, CallbackRouter callbacks, ILogger<UpdateHandler> log)
{
    public Task HandleAsync(Update update, CancellationToken ct) => update switch
    {
        { Message: { } message } => OnMessageAsync(message, ct),
        { CallbackQuery: { } query } => OnCallbackAsync(query, ct),
        { MyChatMember: { } member } => gate.RecordMembershipAsync(member, ct),
        _ => Task.CompletedTask,
    };

    private async Task OnMessageAsync(Message message, CancellationToken ct)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from) return;
        var buyer = await gate.OpenAsync(from, message.Chat.Id, null, ct);
        if (!await gate.AdmitAsync(buyer, ct)) return;
        await messages.RouteAsync(buyer, message, ct);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var buyer = await gate.OpenAsync(query.From, query.Message?.Chat.Id ?? query.From.Id, query, ct);
        try
        {
            if (!await gate.AdmitAsync(buyer, ct)) return;
            if (!await callbacks.RouteAsync(buyer, query.Data, ct))
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
}
