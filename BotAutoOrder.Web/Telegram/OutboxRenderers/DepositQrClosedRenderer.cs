using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.DepositQrClosed"/>: the deposit QR's caption says paid or expired.</summary>
public sealed class DepositQrClosedRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.DepositQrClosed;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == RendererHelpers.Read<DepositPayload>(message).DepositId, ct);
        if (deposit.QrChatId is not { } chat || deposit.QrMessageId is not { } messageId) return;
        var template = deposit.Status == DepositStatus.Paid ? BotTextCatalog.DepositPaid : BotTextCatalog.DepositExpired;
        await client.EditMessageCaption(chat, messageId,
            await texts.RenderAsync(template, await RendererHelpers.LanguageOfAsync(db, chat, ct), ct,
            ("code", deposit.Code)), ParseMode.Html, cancellationToken: ct);
    }
}
