using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.ClaimResolved"/>: a warranty claim refunded to balance or rejected (with the seller's note), to the
/// buyer.</summary>
public sealed class ClaimResolvedRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.ClaimResolved;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var claim = await db.WarrantyClaims.AsNoTracking().FirstAsync(c => c.Id == RendererHelpers.Read<ClaimPayload>(message).ClaimId, ct);
        var product = await db.OrderLines.Where(l => l.OrderId == claim.OrderId
            && l.ProductId == claim.ProductId).Select(l => l.ProductName).FirstAsync(ct);
        var lang = await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct);
        var html = claim.Status == WarrantyClaimStatus.Refunded
            ? await texts.RenderAsync(BotTextCatalog.ClaimRefundedMessage, lang, ct, ("claim", claim.Id), ("product", product),
                ("amount", Rupiah.Display(claim.RefundAmount ?? 0)))
            : await texts.RenderAsync(BotTextCatalog.ClaimRejectedMessage, lang, ct, ("claim", claim.Id), ("product", product),
                ("note", claim.ResolutionNote ?? ""));
        await client.SendMessage(message.ChatId, html, ParseMode.Html, cancellationToken: ct);
    }
}
