using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The buyer's whole journey through the real bot, the real Pakasir client and the outbox.</summary>
public abstract class BuyingJourneyTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    [Fact]
    public async Task QrisJourney_StartProductCartVoucherPayWebhook_DeliversExactlyThePurchasedItems()
    {
        var productId = await SeedProductAsync("NFX", "Netflix 1 Bulan", 25_000, items: 5);
        await App.QueryAsync(async db =>
        {
            var voucher = new Voucher("HEMAT10", VoucherKind.Percent, 10, DateTime.UtcNow);
            db.Vouchers.Add(voucher);
            return await db.SaveChangesAsync();
        });
        const long buyer = 10_001;

        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"p:{productId}:2");
        var detail = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.Shows(BotTextCatalog.ProductDetail, ("name", "Netflix 1 Bulan")), what: "product detail");
        detail.AssertShows(BotTextCatalog.ProductDetail, ("quantity", 2), ("subtotal", Rupiah.Display(50_000))); // 2 × 25.000
        Assert.Contains($"add:{productId}:2", detail.CallbackDatas());
        await ClickAsync(buyer, $"add:{productId}:2");
        await SendAsync(buyer, "/voucher hemat10");
        await ClickAsync(buyer, "pay:q");

        var invoice = await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, what: "QR photo");
        var order = await LatestOrderAsync(buyer);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(50_000, order.Subtotal);
        Assert.Equal(5_000, order.Discount);
        Assert.Equal(45_000, order.Total);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], invoice.FileOf("photo")[..4]); // a PNG rendered locally
        invoice.AssertShows(BotTextCatalog.InvoiceCaption, ("invoice", order.InvoiceCode));
        Assert.Contains($"st:{order.Id}", invoice.CallbackDatas());
        Assert.Contains($"cx:{order.Id}", invoice.CallbackDatas());
        Assert.Equal(2, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.OrderId == order.Id && s.Status == StockItemStatus.Reserved)));

        var webhook = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);

        var delivery = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), what: "delivery");
        var sold = await App.StockContentsAsync(s => s.OrderId == order.Id && s.Status == StockItemStatus.Sold);
        Assert.Equal(2, sold.Count);
        foreach (var item in sold) Assert.Contains(item, delivery.Text);
        Assert.Equal(3, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Available)));
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync(buyer)).Status);
        await Bot.WaitForAsync(c => c.Method == "editMessageCaption" && c.ChatId == buyer && c.Shows(BotTextCatalog.InvoicePaid, ("invoice", order.InvoiceCode)),
            what: "QR caption edited");
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 9001 && c.Text!.Contains(order.InvoiceCode), what: "admin notification");
        Assert.Equal(1, await App.QueryAsync(db => db.VoucherRedemptions.CountAsync()));
        Assert.Contains(Pakasir.CallsTo("transaction-status"), c => c.Path.Contains(Pakasir.Find(order.InvoiceCode)!.TxnId));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OrderPaid && a.EntityId == order.Id.ToString())));
    }

    [Fact]
    public async Task BalancePurchase_AfterADeposit_CreditsOnceThenDebitsAndDelivers()
    {
        var productId = await SeedProductAsync("SPT", "Spotify", 20_000, items: 2);
        const long buyer = 10_002;
        await SendAsync(buyer, "/start");

        await SendAsync(buyer, "/deposit 50000");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer && c.Shows(BotTextCatalog.DepositCaption), what: "deposit QR");
        var deposit = await App.QueryAsync(db => db.Deposits.SingleAsync());
        var first = await Pakasir.PayAsync(deposit.Code, WebhookUrl, PakasirSecret, v1Shape: false);
        var again = await Pakasir.PayAsync(deposit.Code, WebhookUrl, PakasirSecret, v1Shape: false);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Shows(BotTextCatalog.DepositCredited), what: "deposit credited");

        await ClickAsync(buyer, $"add:{productId}:1");
        await ClickAsync(buyer, "pay:b");

        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader) && c.Text!.Contains("akun-SPT-1"),
            what: "delivery");
        var customer = await App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == buyer));
        var entries = await App.QueryAsync(db => db.BalanceEntries.Where(e => e.CustomerId == customer.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([BalanceEntryKind.Deposit, BalanceEntryKind.Purchase], entries.Select(e => e.Kind));
        Assert.Equal(30_000, customer.Balance);
        Assert.Equal(customer.Balance, entries.Sum(e => e.Amount));
        Assert.Equal(1, await SoldCountAsync(productId));
    }

    [Fact]
    public async Task BalancePurchase_WithoutEnoughBalance_IsRefusedAndChangesNothing()
    {
        var productId = await SeedProductAsync("YT", "YouTube", 15_000, items: 1);
        const long buyer = 10_003;
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"add:{productId}:1");

        await ClickAsync(buyer, "pay:b");

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.CheckoutInsufficient), what: "insufficient balance");
        Assert.Equal(0, await App.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Available)));
    }

    [Fact]
    public async Task BotMessages_HostileNames_AreEscaped()
    {
        var productId = await SeedProductAsync("HBO", "<b>Netflix & \"HBO\"</b>", 30_000, items: 0);
        await App.QueryAsync(async db =>
        {
            db.StockItems.Add(new StockItem(productId, App.GetService<StockCipher>().Seal("pass<word>&1"), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        const long buyer = 10_004;
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"p:{productId}:1");
        var detail = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == buyer, what: "detail");
        Assert.Contains("&lt;b&gt;Netflix &amp; \"HBO\"&lt;/b&gt;", detail.Text);

        await ClickAsync(buyer, $"add:{productId}:1");
        await ClickAsync(buyer, "pay:q");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, what: "QR");
        var order = await LatestOrderAsync(buyer);
        await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);

        var delivery = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), what: "delivery");
        Assert.Contains("<pre>pass&lt;word&gt;&amp;1</pre>", delivery.Text);
        Assert.Contains("&lt;b&gt;Netflix &amp; \"HBO\"&lt;/b&gt;", delivery.Text);
        var admin = await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text!.Contains(order.InvoiceCode), what: "admin");
        Assert.DoesNotContain("<b>Netflix", admin.Text);
    }
}

public sealed class BuyingJourneyPostgresTests() : BuyingJourneyTests(DatabaseProvider.Postgres);

public sealed class BuyingJourneySqliteTests() : BuyingJourneyTests(DatabaseProvider.Sqlite);
