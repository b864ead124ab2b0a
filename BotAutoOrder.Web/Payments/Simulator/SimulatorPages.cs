using System.Globalization;
using BotAutoOrder.Domain.Common;
using System.Text;
using static System.Net.WebUtility;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>The simulator's two server-rendered pages. Everything shown is HTML-encoded.</summary>
internal static class SimulatorPages
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}" +
        "td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}.msg{background:#eef;padding:.6rem;margin:1rem 0}" +
        "button,.button{padding:.4rem .9rem;border:1px solid " +
            "#333;border-radius:4px;background:#fff;color:#000;text-decoration:none;cursor:pointer}" +
        "form{display:inline}";

    public static string List(IReadOnlyList<SimulatorTransaction> transactions, string pathBase, string? message)
    {
        var sb = Start("Pakasir Simulator", message);
        sb.Append("<p>Transaksi yang dibuat toko / transactions created by the shop (in memory, lost on restart).</p>");
        sb.Append("<table><tr><th>Order ID</th><th>Amount</th><th>Fee</th><th>Total</th><th>Status</th><th>Created " +
            "(UTC)</th><th></th></tr>");
        foreach (var t in transactions)
        {
            sb.Append("<tr><td>").Append(HtmlEncode(t.OrderId)).Append("</td><td>").Append(Money(t.Amount))
                .Append("</td><td>").Append(Money(t.Fee)).Append("</td><td>").Append(Money(t.TotalPayment))
                .Append("</td><td>").Append(HtmlEncode(PakasirJson.ToWire(t.Status))).Append("</td><td>")
                .Append(HtmlEncode(t.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append("</td><td>");
            if (t.Status == Domain.Payments.PaymentStatus.Pending)
                sb.Append("<a class=\"button\" href=\"").Append(HtmlEncode(PayUrl(pathBase, t))).Append("\">Bayar / Pay</a>");
            sb.Append("</td></tr>");
        }
        if (transactions.Count == 0) sb.Append("<tr><td colspan=\"7\">Belum ada transaksi / no transactions yet.</td></tr>");
        return sb.Append("</table></body></html>").ToString();
    }

    public static string Pay(SimulatorTransaction t, string pathBase, string? message)
    {
        var sb = Start("Pakasir Simulator — " + t.OrderId, message);
        var pay = PayUrl(pathBase, t);
        sb.Append("<p><a href=\"").Append(HtmlEncode(pathBase + SimulatorEndpoints.Root)).Append("\">&larr; all transactions</a></p>");
        if (t.QrString is not null)
            sb.Append("<p><img alt=\"QRIS\" width=\"300\" " +
                "src=\"").Append(HtmlEncode($"{pathBase}{SimulatorEndpoints.Root}/qr/{Uri.EscapeDataString(t.TxnId)}.png"))
                .Append("\"></p>");
        if (t.VaNumber is not null) sb.Append("<p>VA: <b>").Append(HtmlEncode(t.VaNumber)).Append("</b></p>");
        sb.Append("<table>");
        Row(sb, "Order ID", HtmlEncode(t.OrderId));
        Row(sb, "Txn ID", HtmlEncode(t.TxnId));
        Row(sb, "Method", HtmlEncode(t.Method));
        Row(sb, "Amount", Money(t.Amount));
        Row(sb, "Fee", Money(t.Fee));
        Row(sb, "Total", "<b>" + Money(t.TotalPayment) + "</b>");
        Row(sb, "Status", HtmlEncode(PakasirJson.ToWire(t.Status)));
        Row(sb, "Expires (UTC)", HtmlEncode(PakasirJson.FormatTime(t.ExpiresAtUtc)));
        sb.Append("</table><p>");
        if (t.Status == Domain.Payments.PaymentStatus.Pending)
        {
            sb.Append("<form method=\"post\" action=\"").Append(HtmlEncode(pay + "/pay")).Append("\"><button>Bayar / Pay</button></form> ");
            sb.Append("<form method=\"post\" action=\"").Append(HtmlEncode(pay
                + "/expire")).Append("\"><button>Kedaluwarsa / Expire</button></form>");
        }
        return sb.Append("</p></body></html>").ToString();
    }

    private static StringBuilder Start(string title, string? message)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>")
            .Append(HtmlEncode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><h1>")
            .Append(HtmlEncode(title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(message)) sb.Append("<div class=\"msg\">").Append(HtmlEncode(message)).Append("</div>");
        return sb;
    }

    private static void Row(StringBuilder sb, string label, string encodedValue) =>
        sb.Append("<tr><th>").Append(HtmlEncode(label)).Append("</th><td>").Append(encodedValue).Append("</td></tr>");

    private static string PayUrl(string pathBase, SimulatorTransaction t) =>
        $"{pathBase}{SimulatorEndpoints.Root}/pay/{Uri.EscapeDataString(t.TxnId)}";

    private static string Money(long amount) => HtmlEncode(Rupiah.Display(amount));
}
