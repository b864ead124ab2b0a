using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Catalog screens, cart bounds, and checkout's unhappy paths, through the real bot.</summary>
public abstract class CatalogAndCheckoutTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    [Fact]
    public async Task Stepper_QuantityPastStockOrLimit_StaysAtTheBound()
    {
        var productId = await SeedProductAsync("LIM", "Limited", 10_000, items: 3, perOrderLimit: 2);

        await ClickAsync(80_001, $"p:{productId}:10");

        var detail = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == 80_001, what: "detail");
        detail.AssertShows(BotTextCatalog.ProductDetail, ("quantity", 2));
        detail.AssertShows(BotTextCatalog.ProductLimit, ("limit", 2));
        var data = detail.CallbackDatas();
        Assert.Contains($"p:{productId}:2", data);
        Assert.DoesNotContain($"p:{productId}:5", data);
        Assert.DoesNotContain($"p:{productId}:3", data); // ➕ never goes past the bound

        await ClickAsync(80_001, $"add:{productId}:3");

        var toast = await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.TooMany, ("max", 2)), what: "limit toast");
        Assert.NotNull(toast);
        Assert.Equal(0, await App.QueryAsync(db => db.CartLines.CountAsync()));
    }

    [Fact]
    public async Task ProductDetail_SoldOutOrHidden_IsMarkedOrStale()
    {
        var soldOut = await SeedProductAsync("OUT", "Habis", 10_000, items: 0);
        var hidden = await SeedProductAsync("HID", "Tersembunyi", 10_000, items: 2);
        await App.QueryAsync(db => db.Products.Where(p => p.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false)));

        await ClickAsync(80_002, $"p:{soldOut}:1");
        var detail = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == 80_002, what: "sold-out detail");
        detail.AssertShows(BotTextCatalog.ProductSoldOut, ("name", "Habis"));
        Assert.DoesNotContain(detail.CallbackDatas(), d => d.StartsWith("add:"));

        await ClickAsync(80_002, $"p:{hidden}:1");
        await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.ProductGone), what: "stale product");
        await ClickAsync(80_002, $"add:{hidden}:1");
        Assert.Equal(0, await App.QueryAsync(db => db.CartLines.CountAsync()));
    }

    [Fact]
    public async Task Category_MoreProductsThanAPage_IsPaginated()
    {
        long categoryId = 0;
        for (var i = 0; i < 10; i++)
        {
            var id = await SeedProductAsync($"PG{i}", $"Produk {i:00}", 1_000 + i, items: 1);
            categoryId = await App.QueryAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.CategoryId).SingleAsync());
        }

        await ClickAsync(80_003, $"cat:{categoryId}:0");
        var first = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == 80_003, what: "page 1");
        await ClickAsync(80_003, $"cat:{categoryId}:1");
        var second = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == 80_003 && c.Sequence > first.Sequence, what: "page 2");

        first.AssertShows(BotTextCatalog.CategoryHeader, ("page", 1), ("pages", 2));
        Assert.Equal(8, first.CallbackDatas().Count(d => d.StartsWith("p:")));
        Assert.Contains($"cat:{categoryId}:1", first.CallbackDatas());
        Assert.Equal(2, second.CallbackDatas().Count(d => d.StartsWith("p:")));
        Assert.Contains($"cat:{categoryId}:0", second.CallbackDatas());
    }

    [Fact]
    public async Task GatewayDown_AtCheckout_BuyerToldAndStockReleased()
    {
        var productId = await SeedProductAsync("GWD", "Gateway Down", 10_000, items: 1);
        await ClickAsync(80_004, $"add:{productId}:1");
        Pakasir.FailNext(500, times: 5);

        await ClickAsync(80_004, "pay:q");

        await Bot.WaitForAsync(c => c.ChatId == 80_004 && c.Shows(BotTextCatalog.CheckoutGatewayFailed), what: "buyer told");
        Assert.Equal(OrderStatus.Cancelled, (await LatestOrderAsync(80_004)).Status);
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Available)));
        Assert.DoesNotContain(Bot.Calls, c => c.Method == "sendPhoto");
    }

    [Fact]
    public async Task Cancel_ByTheBuyer_CancelsAtTheGatewayAndReleasesStock()
    {
        var productId = await SeedProductAsync("CXL", "Cancel Me", 10_000, items: 1);
        await ClickAsync(80_005, $"add:{productId}:1");
        await ClickAsync(80_005, "pay:q");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == 80_005, what: "QR");
        var order = await LatestOrderAsync(80_005);

        await ClickAsync(80_005, $"cx:{order.Id}");

        Assert.Equal(OrderStatus.Cancelled, (await LatestOrderAsync(80_005)).Status);
        Assert.Equal(1, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.Status == StockItemStatus.Available)));
        Assert.NotEmpty(Pakasir.CallsTo("cancel-transaction"));
        await Bot.WaitForAsync(c => c.Method == "editMessageCaption" && c.ChatId == 80_005 && c.Shows(BotTextCatalog.InvoiceCancelled), what: "QR caption");
        await ClickAsync(80_005, $"cx:{order.Id}"); // the button again: stale, nothing changes
        await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.StaleButton), what: "stale cancel");
    }

    [Fact]
    public async Task InvoiceCaption_ManyLines_StaysUnderTelegramsLimitAndKeepsTheTotal()
    {
        for (var i = 0; i < 25; i++)
        {
            var id = await SeedProductAsync($"LONG{i}", $"Produk dengan nama yang cukup panjang sekali nomor {i:00}", 1_000, items: 1);
            await ClickAsync(80_007, $"add:{id}:1");
        }

        await ClickAsync(80_007, "pay:q");

        var invoice = await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == 80_007, what: "QR");
        Assert.True(invoice.Text!.Length <= 1024, $"caption is {invoice.Text.Length} characters");
        Assert.Contains("25 item", invoice.Text);
        invoice.AssertShows(BotTextCatalog.InvoiceCaption);
    }

    [Fact]
    public async Task Voucher_BelowMinimumOrder_IsRefusedWithTheReason()
    {
        var productId = await SeedProductAsync("VMIN", "Murah", 10_000, items: 2);
        await App.QueryAsync(async db =>
        {
            var v = new Voucher("BESAR", VoucherKind.Flat, 5_000, DateTime.UtcNow);
            v.Update(VoucherKind.Flat, 5_000, 50_000, null, null, null, null, null, true);
            db.Vouchers.Add(v);
            return await db.SaveChangesAsync();
        });
        await ClickAsync(80_006, $"add:{productId}:1");

        await SendAsync(80_006, "/voucher besar");

        var refusal = await Bot.WaitForAsync(c => c.ChatId == 80_006 && c.Shows(BotTextCatalog.VoucherRejected), what: "refusal");
        refusal.AssertShows(VoucherTexts.MinOrder, ("min", Rupiah.Display(50_000)));
        Assert.Null(await App.QueryAsync(db => db.Carts.Select(c => c.VoucherId).SingleAsync()));
    }
}

public sealed class CatalogAndCheckoutPostgresTests() : CatalogAndCheckoutTests(DatabaseProvider.Postgres);

public sealed class CatalogAndCheckoutSqliteTests() : CatalogAndCheckoutTests(DatabaseProvider.Sqlite);
