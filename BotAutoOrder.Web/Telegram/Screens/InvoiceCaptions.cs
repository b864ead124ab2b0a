using System.Text;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Web.Telegram.Screens;

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
            ? new TgHtml(await texts.RenderAsync(BotTextCatalog.CartDiscount, lang, ct, ("code", "✓"), ("discount", Rupiah.Display(order.Discount))))
            : new TgHtml("");
        return await texts.RenderAsync(BotTextCatalog.InvoiceCaption, lang, ct,
            ("invoice", order.InvoiceCode), ("lines", new TgHtml(lines.ToString().TrimEnd())), ("subtotal", Rupiah.Display(order.Subtotal)),
            ("discount", discount), ("fee", Rupiah.Display(payment.Fee)), ("total", Rupiah.Display(payment.TotalPayment)),
            ("expires", time.Format(order.ExpiresAtUtc)));
    }

    public Task<string> ClosedAsync(string invoiceCode, string reason, string lang, CancellationToken ct) => texts.RenderAsync(reason switch
    {
        "paid" => BotTextCatalog.InvoicePaid,
        "expired" => BotTextCatalog.InvoiceExpired,
        _ => BotTextCatalog.InvoiceCancelled,
    }, lang, ct, ("invoice", invoiceCode));
}
