using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Telegram;

/// <summary>The sellers' notice of a new warranty claim (Indonesian, every inserted value escaped), sent through <see
/// cref="AdminNotices"/>.</summary>
public static class ClaimNotice
{
    public static async Task<string> RenderAsync(AppDbContext db, StoreTime time, long claimId, CancellationToken ct)
    {
        var claim = await db.WarrantyClaims.AsNoTracking().FirstAsync(c => c.Id == claimId, ct);
        var invoice = await db.Orders.Where(o => o.Id == claim.OrderId).Select(o => o.InvoiceCode).FirstAsync(ct);
        var product = await db.Products.Where(p => p.Id == claim.ProductId).Select(p => p.Name).FirstAsync(ct);
        var buyer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == claim.CustomerId, ct);
        var reason = claim.Reason ?? "";
        if (reason.Length > 1500) reason = reason[..1500] + "…";
        return $"🛠️ <b>Klaim garansi</b> #{claim.Id}\n🧾 <code>{Html.Escape(invoice)}</code> · {Html.Escape(product)}\n" +
               $"👤 {Html.Escape(buyer.DisplayName)}{(buyer.Username is null ? "" : " @" + Html.Escape(buyer.Username))} (<code>{buyer.TelegramUserId}</code>)\n" +
               $"📝 {Html.Escape(reason)}\n{(claim.PhotoFileId is null ? "" : "📸 ada screenshot\n")}" +
               $"🕒 {time.Long(claim.SubmittedAtUtc ?? claim.CreatedAtUtc)}\nPutuskan di dashboard: /admin/claims/{claim.Id}";
    }
}
