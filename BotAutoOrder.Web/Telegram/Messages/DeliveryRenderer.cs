using System.Text;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Telegram.Messages;

/// <summary>What a delivery looks like: one HTML message when it fits in 4096 characters, otherwise a .txt file.</summary>
public sealed record Delivery(string? Html, string? FileName, string? FileContent, string? Caption);

/// <summary>
/// Renders an order's sold items for the buyer: every item HTML-escaped inside <c>&lt;pre&gt;</c>, grouped by product.
/// A delivery that does not fit one message becomes a single text file (one send: it arrives whole or not at all).
/// </summary>
public sealed class DeliveryRenderer(AppDbContext db, BotTexts texts, SettingsService settings, StockCipher cipher)
{
    /// <summary>Null when the order's items may go out now; otherwise why not (see <see
    /// cref="Domain.Orders.OrderDeliveryRules"/>).</summary>
    public async Task<string?> WhyNotAsync(long orderId, CancellationToken ct) =>
        Domain.Orders.OrderDeliveryRules.WhyNot(await db.Orders.Where(o => o.Id == orderId).Select(o =>
            (Domain.Orders.OrderStatus?)o.Status).FirstOrDefaultAsync(ct));

    public async Task<Delivery> RenderAsync(long orderId, string lang, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstAsync(o => o.Id == orderId, ct);
        var items = await db.StockItems.AsNoTracking()
            .Where(s => s.OrderId == orderId && s.Status == StockItemStatus.Sold)
            .OrderBy(s => s.Id).Select(s => new { s.ProductId, s.Ciphertext, s.KeyId }).ToListAsync(ct);
        var store = (await settings.GetAsync(ct)).StoreName;

        var html = new StringBuilder(await texts.RenderAsync(BotTextCatalog.DeliveryHeader, lang, ct, ("invoice", order.InvoiceCode)));
        var file = new StringBuilder($"{order.InvoiceCode}\n");
        foreach (var line in order.Lines.OrderBy(l => l.Id))
        {
            var contents = items.Where(i => i.ProductId == line.ProductId).Select(i => cipher.Open(i.Ciphertext, i.KeyId)).ToList();
            var pre = new TgHtml("<pre>" + string.Join("\n", contents.Select(Html.Escape)) + "</pre>");
            html.Append(await texts.RenderAsync(BotTextCatalog.DeliveryProduct, lang, ct,
                ("name", line.ProductName), ("quantity", line.Quantity), ("items", pre)));
            file.Append($"\n== {line.ProductName} x{line.Quantity} ==\n").AppendJoin('\n', contents).Append('\n');
        }
        html.Append(await texts.RenderAsync(BotTextCatalog.DeliveryFooter, lang, ct, ("store", store)));

        if (html.Length <= TelegramLimits.MessageText) return new Delivery(html.ToString(), null, null, null);
        var caption = await texts.RenderAsync(BotTextCatalog.DeliveryDocument, lang, ct, ("invoice", order.InvoiceCode),
            ("count", items.Count));
        return new Delivery(null, $"{order.InvoiceCode}.txt", file.ToString(), caption);
    }
}
