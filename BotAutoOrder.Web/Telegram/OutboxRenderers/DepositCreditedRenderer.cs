using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.DepositCredited"/>: a paid deposit is on the buyer's balance.</summary>
public sealed class DepositCreditedRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.DepositCredited;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == RendererHelpers.Read<DepositPayload>(message).DepositId, ct);
        var balance = await db.Customers.Where(c => c.Id == deposit.CustomerId).Select(c => c.Balance).FirstAsync(ct);
        await client.SendMessage(message.ChatId,
            await texts.RenderAsync(BotTextCatalog.DepositCredited, await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct), ct,
            ("amount", Rupiah.Display(deposit.Amount)), ("balance", Rupiah.Display(balance))), ParseMode.Html, cancellationToken: ct);
    }
}
