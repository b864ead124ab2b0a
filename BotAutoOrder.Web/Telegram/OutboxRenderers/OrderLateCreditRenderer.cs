using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.OrderLateCredit"/>: a late payment for a sold-out order went to the buyer's balance.</summary>
public sealed class OrderLateCreditRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.OrderLateCredit;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var payload = RendererHelpers.Read<OrderPayload>(message);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == payload.OrderId, ct);
        // What was credited is the ledger's word (the order amount or what the buyer paid, per the shop setting).
        var credited = await db.BalanceEntries
            .Where(e => e.Reference == order.InvoiceCode && e.Kind == Domain.Balances.BalanceEntryKind.LatePaymentCredit)
            .Select(e => (long?)e.Amount).FirstOrDefaultAsync(ct) ?? order.Total;
        var template = payload.Reason == "paid-twice" ? BotTextCatalog.PaidTwiceCredited : BotTextCatalog.LateCredited;
        await client.SendMessage(message.ChatId,
            await texts.RenderAsync(template, await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct), ct,
            ("invoice", order.InvoiceCode), ("amount", Rupiah.Display(credited))), ParseMode.Html, cancellationToken: ct);
    }
}
