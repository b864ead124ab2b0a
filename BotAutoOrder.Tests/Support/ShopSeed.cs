using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Domain.Vouchers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A small shop with rows in every table of the model, through the entities' constructors and methods (private
/// state set through EF where no method exists). Times are whole milliseconds, values include HTML, emoji, NULLs
/// and bytes, so a lossy backup would show.
/// </summary>
public static class ShopSeed
{
    public static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc);

    public static async Task FillAsync(AppDbContext db)
    {
        var c1 = new Customer(1001, "Budi <b>&amp;</b> 😀", "Santoso", "budi", "id", T0);
        var c2 = new Customer(1002, "Alice", null, null, "en", T0.AddMinutes(1));
        var c3 = new Customer(1003, "Spammer", null, "spam", null, T0.AddMinutes(2));
        c2.MarkUnreachable();
        c3.Block();
        var games = new Category("Game 🎮", 1, T0);
        var streaming = new Category("Streaming", 2, T0);
        db.AddRange(c1, c2, c3, games, streaming);
        await db.SaveChangesAsync();
        Set(db, c1, nameof(Customer.Balance), 15_000L);

        var p1 = new Product("NETFLIX1", "Netflix 1 bulan", streaming.Id, 25_000, T0);
        var p2 = new Product("ML86", "86 Diamond", games.Id, 20_000, T0.AddSeconds(1));
        var voucher = new Voucher("HEMAT10", VoucherKind.Percent, 10, T0);
        db.AddRange(p1, p2, voucher);
        await db.SaveChangesAsync();
        Set(db, p1, nameof(Product.TermsText), "Jangan ganti password");
        Set(db, p1, nameof(Product.Description), "Akun <i>premium</i>\nbaris dua");
        Set(db, p2, nameof(Product.PerOrderLimit), 5);
        Set(db, voucher, nameof(Voucher.ValidUntilUtc), T0.AddDays(30));

        var paid = new Order("INV-PAID-1", c1.Id, PaymentMethod.Qris, 50_000, 5_000, voucher.Id, T0.AddMinutes(5), T0.AddMinutes(20));
        paid.AddLine(p1.Id, p1.Name, 25_000, 2);
        var pending = new Order("INV-PEND-2", c2.Id, PaymentMethod.Qris, 20_000, 0, null, T0.AddMinutes(6), T0.AddMinutes(21));
        pending.AddLine(p2.Id, p2.Name, 20_000, 1);
        var expired = new Order("INV-EXP-3", c1.Id, PaymentMethod.Balance, 20_000, 0, null, T0.AddMinutes(7), T0.AddMinutes(22));
        expired.AddLine(p2.Id, p2.Name, 20_000, 1);
        var deposit = new Deposit("DEP-1", c1.Id, 50_000, T0.AddMinutes(1), T0.AddMinutes(16));
        var cart = new Cart(c2.Id, T0.AddMinutes(3));
        cart.SetQuantity(p1.Id, 2, T0.AddMinutes(3));
        cart.ApplyVoucher(voucher.Id, T0.AddMinutes(3));
        db.AddRange(paid, pending, expired, deposit, cart);
        await db.SaveChangesAsync();
        Set(db, paid, nameof(Order.Status), OrderStatus.Paid);
        Set(db, paid, nameof(Order.PaidAtUtc), T0.AddMinutes(8));
        Set(db, expired, nameof(Order.Status), OrderStatus.Expired);
        Set(db, expired, nameof(Order.ClosedAtUtc), T0.AddMinutes(22));
        Set(db, deposit, nameof(Deposit.Status), DepositStatus.Paid);
        Set(db, deposit, nameof(Deposit.PaidAtUtc), T0.AddMinutes(2));
        pending.AttachQrMessage(1002, 77);

        var available = new StockItem(p1.Id, TestStockKeys.Cipher.Seal("user1@mail.com:pass1"), T0);
        var reserved = new StockItem(p2.Id, TestStockKeys.Cipher.Seal("CODE-RESERVED"), T0);
        var sold1 = new StockItem(p1.Id, TestStockKeys.Cipher.Seal("user2@mail.com:pass2"), T0);
        var sold2 = new StockItem(p1.Id, TestStockKeys.Cipher.Seal("user3@mail.com:pass3"), T0);
        var orderPayment = new Payment(PaymentPurpose.Order, paid.Id, null, paid.InvoiceCode, "qris", 45_000, T0.AddMinutes(5));
        orderPayment.RecordCreated("TXN-1", 310, 45_310, "00020101021226...", "https://pay.example/1", T0.AddMinutes(20), "{\"raw\":true}");
        var depositPayment = new Payment(PaymentPurpose.Deposit, null, deposit.Id, deposit.Code, "qris", 50_000, T0.AddMinutes(1));
        db.AddRange(available, reserved, sold1, sold2, orderPayment, depositPayment);
        await db.SaveChangesAsync();
        foreach (var (item, status, order) in new[] { (reserved, StockItemStatus.Reserved, pending), (sold1, StockItemStatus.Sold, paid), (sold2, StockItemStatus.Sold, paid) })
        {
            Set(db, item, nameof(StockItem.Status), status);
            Set(db, item, nameof(StockItem.OrderId), (long?)order.Id);
            Set(db, item, nameof(StockItem.ReservedAtUtc), (DateTime?)T0.AddMinutes(5));
        }
        Set(db, sold1, nameof(StockItem.SoldAtUtc), (DateTime?)T0.AddMinutes(8));
        Set(db, sold2, nameof(StockItem.SoldAtUtc), (DateTime?)T0.AddMinutes(8));
        Set(db, orderPayment, nameof(Payment.Status), PaymentStatus.Completed);
        Set(db, orderPayment, nameof(Payment.CompletedAtUtc), (DateTime?)T0.AddMinutes(8));

        var broadcast = new Broadcast("<b>Promo!</b> 🎉", "promo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], BroadcastAudience.AllReachable, "admin:owner@shop.test", T0);
        var issue = new PaymentIssue(PaymentIssueKind.AmountMismatch, orderPayment.Id, paid.InvoiceCode, 44_000, "paid 44.000 of 45.000", T0.AddMinutes(9));
        issue.Resolve("admin:owner@shop.test", "credited", T0.AddMinutes(10));
        var proof = new TermsProof(paid.Id, p1.Id, c1.Id, T0.AddMinutes(9));
        proof.Submit("sudah <u>dipenuhi</u>", "AgACAgIAAxk-photo", T0.AddMinutes(10));
        db.AddRange(broadcast, issue, proof,
            new BalanceEntry(c1.Id, BalanceEntryKind.Deposit, 50_000, 50_000, deposit.Code, null, "gateway:pakasir", T0.AddMinutes(2)),
            new BalanceEntry(c1.Id, BalanceEntryKind.Purchase, -35_000, 15_000, "INV-X", "beli", "buyer:1001", T0.AddMinutes(3)),
            new VoucherRedemption(voucher.Id, c1.Id, paid.Id, 5_000, T0.AddMinutes(8)),
            new InboundEvent("telegram", "123456789", T0),
            new InboundEvent("pakasir", "INV-PAID-1:completed", T0.AddMinutes(8)),
            new Setting("BackupRetentionDays", "14", T0),
            new Setting("StoreName", "Toko <Uji> & Co", T0),
            new BotTextOverride("start.greeting", "id", "Halo {name}! 👋", T0),
            new DashboardUser("Owner@Shop.test", "AQAAAAIAAYagAAAAE-hash", StaffRole.Owner, T0),
            new DashboardUser("admin@shop.test", "AQAAAAIAAYagAAAAE-hash2", StaffRole.Admin, T0),
            new AuditEntry("admin:owner@shop.test", AuditActions.ProductCreated, "Product", p1.Id.ToString(), "{\"price\":25000}", T0),
            new AuditEntry("system:expiry", AuditActions.OrderExpired, "Order", expired.Id.ToString(), null, T0.AddMinutes(22)),
            new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\"><secret>abc</secret></key>" });
        await db.SaveChangesAsync();

        var testimonial = new BotAutoOrder.Domain.Testimonials.Testimonial(paid.Id, p1.Id, c1.Id, 5, T0.AddMinutes(11));
        testimonial.FinishText("Mantap <b>cepat</b> 👍", T0.AddMinutes(12));
        db.AddRange(new BotAutoOrder.Domain.Restock.RestockSubscription(p2.Id, c2.Id, T0.AddMinutes(4)), testimonial);
        var claim = new BotAutoOrder.Domain.Warranty.WarrantyClaim(paid.Id, p1.Id, sold1.Id, c1.Id, T0.AddMinutes(13));
        claim.SetReason("Akun <i>tidak bisa</i> login", T0.AddMinutes(13));
        claim.SetPhoto("photo-claim-1", T0.AddMinutes(14));
        claim.Submit(T0.AddMinutes(14));
        db.Add(claim);

        var r1 = new BroadcastRecipient(broadcast.Id, c1.Id, 1001);
        var r2 = new BroadcastRecipient(broadcast.Id, c2.Id, 1002);
        db.AddRange(r1, r2);
        await db.SaveChangesAsync();
        Set(db, r2, nameof(BroadcastRecipient.Status), BroadcastRecipientStatus.Blocked);
        Set(db, r2, nameof(BroadcastRecipient.Error), "Forbidden: bot was blocked by the user");
        db.AddRange(
            new OutboxMessage(1001, OutboxKinds.Text, "{\"html\":\"<b>hai</b>\"}", T0, OutboxBot.Shop, "bc:1:1001", r1.Id),
            new OutboxMessage(42, OutboxKinds.Text, "{\"html\":\"owner alert\"}", T0.AddMinutes(1), OutboxBot.Owner));
        await db.SaveChangesAsync();
    }

    /// <summary>Sets private state; saved with the next SaveChanges, so related columns change together.</summary>
    private static void Set<T>(AppDbContext db, object entity, string property, T value) =>
        db.Entry(entity).Property(property).CurrentValue = value;
}
