using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary><see cref="OutboxKinds.TermsReviewed"/>: the admin's verdict on an SNK proof, back to the buyer.</summary>
public sealed class TermsReviewedRenderer(AppDbContext db, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.TermsReviewed;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var reviewed = await db.TermsProofs.AsNoTracking().FirstAsync(p => p.Id == RendererHelpers.Read<TermsPayload>(message).ProofId, ct);
        var name = await db.Products.Where(p => p.Id == reviewed.ProductId).Select(p => p.Name).FirstAsync(ct);
        var template = reviewed.Status == TermsProofStatus.Approved ? BotTextCatalog.TermsApproved : BotTextCatalog.TermsRejected;
        await client.SendMessage(message.ChatId,
            await texts.RenderAsync(template, await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct), ct,
            ("product", name), ("note", reviewed.ReviewNote ?? "")), ParseMode.Html, cancellationToken: ct);
    }
}
