using System.Text;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Web.Telegram.Messages;

/// <summary>Captions of the QR photo: open (with items, fee, total and real expiry) and closed (paid, expired, cancelled).</summary>
public sealed class InvoiceCaptions(BotTexts texts, StoreTime time)
{
    public async Task<string> OpenAsync(Order order, Payment payment, string lang, CancellationToken ct)
    {
        var lines = new StringBuilder();
        foreach (var line in order.Lines.OrderBy(l => l.Id))
            lines.AppendLine(await texts.RenderAsync(BotTextCatalog.CartLine, lang, ct,
                ("name", line.ProductName), ("quantity", line.Quantity), ("line_total", Rupiah.Display(line.LineTotal))));
        var discount = order.Discount > 0
            ? new TgHtml(await texts.RenderAsync(BotTextCatalog.CartDiscount, lang, ct, ("code", "✓"),
                ("discount", Rupiah.Display(order.Discount))))
            : new TgHtml("");
        var caption = await RenderAsync(order, payment, lines.ToString().TrimEnd(), discount, lang, ct);
        if (caption.Length <= TelegramLimits.Caption) return caption; // the source length, never below what Telegram counts
        // Too many lines for a photo caption (1024): list them as a count instead of cutting through the HTML.
        var count = order.Lines.Sum(l => l.Quantity);
        return await RenderAsync(order, payment, $"🛍️ {count} item", discount, lang, ct);
    }

    private Task<string> RenderAsync(Order order, Payment payment, string linesHtml, TgHtml discount, string lang, CancellationToken ct) =>
        texts.RenderAsync(BotTextCatalog.InvoiceCaption, lang, ct,
            ("invoice", order.InvoiceCode), ("lines", new TgHtml(linesHtml)), ("subtotal", Rupiah.Display(order.Subtotal)),
            ("discount", discount), ("fee", Rupiah.Display(payment.Fee)), ("total", Rupiah.Display(payment.TotalPayment)),
            ("expires", time.Long(order.ExpiresAtUtc)));

    public Task<string> ClosedAsync(string invoiceCode, string reason, string lang, CancellationToken ct) => texts.RenderAsync(reason switch
    {
        "paid" => BotTextCatalog.InvoicePaid,
        "expired" => BotTextCatalog.InvoiceExpired,
        _ => BotTextCatalog.InvoiceCancelled,
    }, lang, ct, ("invoice", invoiceCode));
}
