using System.Text;
using System.Text.Json;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Notifications for sellers (Indonesian, every inserted value escaped): paid orders, deposits, late payments, issues.</summary>
public sealed class AdminNotices(AppDbContext db, StoreTime time)
{
    public async Task<string?> RenderAsync(OutboxMessage message, CancellationToken ct)
    {
        switch (message.Kind)
        {
            case OutboxKinds.OrderPaidAdmin:
            case OutboxKinds.OrderLateAdmin:
                var payload = JsonSerializer.Deserialize<OrderPayload>(message.PayloadJson)!;
                var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstAsync(o => o.Id == payload.OrderId, ct);
                var buyer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, ct);
                var sb = new StringBuilder();
                sb.Append(message.Kind == OutboxKinds.OrderPaidAdmin
                    ? $"🛒 <b>Pesanan lunas</b> ({Html.Escape(payload.Reason)})\n"
                    : payload.Reason switch
                    {
                        "credited" => "⚠️ <b>Pembayaran terlambat → saldo</b>\nStok sudah habis; dana masuk ke saldo pembeli.\n",
                        "paid-twice" =>
                            "⚠️ <b>Pembayaran ganda → saldo</b>\nPesanan sudah lunas/dikembalikan dengan cara lain; pembayaran QRIS " +
                            "masuk ke saldo pembeli.\n",
                        _ => "⚠️ <b>Pembayaran terlambat → terkirim</b>\n",
                    });
                sb.Append($"🧾 <code>{Html.Escape(order.InvoiceCode)}</code> · <b>{Rupiah.Display(order.Total)}</b>\n");
                if (payload.Reason is "credited" or "paid-twice"
                    && await db.BalanceEntries.Where(e => e.Reference == order.InvoiceCode
                        && e.Kind == Domain.Balances.BalanceEntryKind.LatePaymentCredit)
                        .Select(e => (long?)e.Amount).FirstOrDefaultAsync(ct) is { } credited)
                    sb.Append($"💰 Masuk saldo: <b>{Rupiah.Display(credited)}</b>\n");
                sb.Append($"👤 {Html.Escape(buyer.DisplayName)}{(buyer.Username is null ? "" : " @" + Html.Escape(buyer.Username))} (<code>{buyer.TelegramUserId}</code>)\n");
                foreach (var line in order.Lines) sb.Append($"• {Html.Escape(line.ProductName)} × {line.Quantity}\n");
                sb.Append($"🕒 {time.Long(order.PaidAtUtc ?? order.CreatedAtUtc)}");
                return sb.ToString();
            case OutboxKinds.DepositPaidAdmin:
                var depositId = JsonSerializer.Deserialize<DepositPayload>(message.PayloadJson)!.DepositId;
                var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == depositId, ct);
                var who = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == deposit.CustomerId, ct);
                return $"💰 <b>Isi saldo lunas</b>\n🧾 <code>{Html.Escape(deposit.Code)}</code> · <b>{Rupiah.Display(deposit.Amount)}</b>\n" +
                       $"👤 {Html.Escape(who.DisplayName)} (<code>{who.TelegramUserId}</code>)";
            case OutboxKinds.PaymentIssueAdmin:
                var issue = JsonSerializer.Deserialize<PaymentIssuePayload>(message.PayloadJson)!;
                var detail = await db.PaymentIssues.AsNoTracking().Where(i => i.GatewayOrderId == issue.GatewayOrderId)
                    .OrderByDescending(i => i.Id).Select(i => i.Detail).FirstOrDefaultAsync(ct);
                return $"🚨 <b>Pembayaran perlu dicek</b> ({Html.Escape(issue.Kind)})\n🧾 <code>{Html.Escape(issue.GatewayOrderId)}</code>\n{Html.Escape(detail)}";
            case OutboxKinds.LowStockAdmin:
                var low = JsonSerializer.Deserialize<LowStockPayload>(message.PayloadJson)!;
                var name = await db.Products.Where(p => p.Id == low.ProductId).Select(p => p.Name).FirstAsync(ct);
                return $"📉 <b>Stok menipis</b>: {Html.Escape(name)}\nTersisa <b>{low.Available}</b> (batas {low.Threshold}). Tambah stok di dashboard.";
            case OutboxKinds.ClaimOpenedAdmin:
                return await ClaimNotice.RenderAsync(db, time, JsonSerializer.Deserialize<ClaimPayload>(message.PayloadJson)!.ClaimId, ct);
            default:
                return null;
        }
    }
}
