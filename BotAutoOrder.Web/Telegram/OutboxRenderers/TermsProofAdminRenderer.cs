using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.TermsProofAdmin"/>: the proof reaches each admin — the photo (by its Telegram file id) with the text
/// as caption, or the text; a long proof is shortened without cutting through a tag or an entity.
/// </summary>
public sealed class TermsProofAdminRenderer(AppDbContext db) : IOutboxRenderer
{
    public string Kind => OutboxKinds.TermsProofAdmin;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var proof = await db.TermsProofs.AsNoTracking().FirstAsync(p => p.Id == RendererHelpers.Read<TermsPayload>(message).ProofId, ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == proof.OrderId).Select(o => o.InvoiceCode).FirstAsync(ct);
        var buyer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == proof.CustomerId, ct);
        var product = await db.Products.Where(p => p.Id == proof.ProductId).Select(p => p.Name).FirstAsync(ct);
        var html = $"📎 <b>Bukti SNK</b> #{proof.Id}\n🧾 <code>{Html.Escape(order)}</code> · {Html.Escape(product)}\n" +
                   $"👤 {Html.Escape(buyer.DisplayName)} (<code>{buyer.TelegramUserId}</code>)\n\n{Html.Escape(proof.Text ?? "(tanpa teks)")}";
        if (proof.PhotoFileId is { } photo)
            await client.SendPhoto(message.ChatId, InputFile.FromFileId(photo), TelegramHtml.Truncate(html, TelegramLimits.Caption),
                ParseMode.Html, cancellationToken: ct);
        else
            await client.SendMessage(message.ChatId, TelegramHtml.Truncate(html, TelegramLimits.MessageText), ParseMode.Html,
                cancellationToken: ct);
    }
}
