using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.ClaimReplaced"/>: the fresh item of a warranty replacement, escaped inside <c>&lt;pre&gt;</c>, on the
/// delivery lane. One Bot API call (a text file when it does not fit one message), like an order's delivery.
/// </summary>
public sealed class ClaimReplacedRenderer(AppDbContext db, BotTexts texts, StockCipher cipher) : IOutboxRenderer
{
    public string Kind => OutboxKinds.ClaimReplaced;

    /// <summary>An order refunded after the replacement was queued gets no goods on top of the money (as deliveries, ADR-010).</summary>
    public async Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct)
    {
        var claimId = RendererHelpers.Read<ClaimPayload>(message).ClaimId;
        var status = await db.WarrantyClaims.Where(c => c.Id == claimId)
            .Select(c => db.Orders.Where(o => o.Id == c.OrderId).Select(o =>
                (OrderStatus?)o.Status).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return OrderDeliveryRules.WhyNot(status);
    }

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var claimId = RendererHelpers.Read<ClaimPayload>(message).ClaimId;
        var claim = await db.WarrantyClaims.AsNoTracking().FirstAsync(c => c.Id == claimId, ct);
        var item = await db.StockItems.AsNoTracking().Where(s => s.Id == claim.ReplacementStockItemId)
            .Select(s => new { s.Ciphertext, s.KeyId }).FirstAsync(ct);
        var invoice = await db.Orders.Where(o => o.Id == claim.OrderId).Select(o => o.InvoiceCode).FirstAsync(ct);
        var product = await db.OrderLines.Where(l => l.OrderId == claim.OrderId
            && l.ProductId == claim.ProductId).Select(l => l.ProductName).FirstAsync(ct);
        var content = cipher.Open(item.Ciphertext, item.KeyId);
        var lang = await RendererHelpers.LanguageOfAsync(db, message.ChatId, ct);
        var html = await texts.RenderAsync(BotTextCatalog.ClaimReplacedMessage, lang, ct, ("claim", claim.Id), ("invoice", invoice),
            ("product", product), ("item", new TgHtml("<pre>" + Html.Escape(content) + "</pre>")));
        if (html.Length <= BotAutoOrder.Domain.Messaging.TelegramLimits.MessageText)
        {
            await client.SendMessage(message.ChatId, html, ParseMode.Html, cancellationToken: ct);
            return;
        }
        var caption = await texts.RenderAsync(BotTextCatalog.ClaimReplacedMessage, lang, ct, ("claim", claim.Id), ("invoice", invoice),
            ("product", product), ("item", new TgHtml("📎")));
        await RendererHelpers.SendFileAsync(client, message.ChatId, $"{invoice}-garansi-{claim.Id}.txt", content,
            BotAutoOrder.Domain.Messaging.TelegramHtml.Truncate(caption, BotAutoOrder.Domain.Messaging.TelegramLimits.Caption), ct);
    }
}
