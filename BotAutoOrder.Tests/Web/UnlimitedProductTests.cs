using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>Unlimited products (ADR-021): the same content for every buyer, encrypted at rest, one sold copy per unit.</summary>
public abstract class UnlimitedProductTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    private const string Content = "https://dl.example/panduan?a=1&b=<x>";

    [Fact]
    public async Task Purchase_TwoBuyersAtOnce_EachGetsTheContentAsTheirOwnSoldCopy()
    {
        var productId = await SeedUnlimitedAsync("GUIDE");
        long[] buyers = [41_001, 41_002];
        foreach (var buyer in buyers) await PrepareAsync(buyer, productId);

        await Task.WhenAll(buyers.Select(b => ClickAsync(b, "pay:b")));

        foreach (var buyer in buyers)
        {
            var order = await LatestOrderAsync(buyer);
            Assert.Equal(OrderStatus.Paid, order.Status);
            var delivery = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader),
                what: $"delivery to {buyer}");
            Assert.Contains("https://dl.example/panduan?a=1&amp;b=&lt;x&gt;", delivery.Text);
            Assert.DoesNotContain("<x>", delivery.Text);
        }
        var rows = await App.QueryAsync(db => db.StockItems.AsNoTracking().Where(s => s.ProductId == productId).ToListAsync());
        var copies = rows.Where(r => r.IsCopy).ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal(StockItemStatus.Sold, c.Status));
        Assert.Equal(2, copies.Select(c => c.OrderId).Distinct().Count()); // one copy per order, none shared
        Assert.Single(rows, r => r.Status == StockItemStatus.Unlimited); // the template stays
        Assert.All(rows, r => Assert.DoesNotContain("dl.example", r.Ciphertext)); // never plain at rest
        Assert.Equal([Content, Content, Content], await App.StockContentsAsync(s => s.ProductId == productId));
    }

    [Fact]
    public async Task ProductCard_UnlimitedProduct_ShowsInfinityAndTheStepper()
    {
        var productId = await SeedUnlimitedAsync("LINK");
        const long buyer = 41_010;
        await SendAsync(buyer, "/start");

        await ClickAsync(buyer, $"p:{productId}:1");

        var card = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.ProductDetail, ("name", "Panduan LINK"),
            ("stock", BotTextCatalog.UnlimitedStock.Render(BotTexts.Indonesian))), what: "product card with ∞");
        Assert.Contains("x10", card.ButtonTexts()); // not sold out: the stepper is there
    }

    [Fact]
    public async Task Cancel_UnlimitedProductOrder_DeletesItsReservedCopies()
    {
        var productId = await SeedUnlimitedAsync("LINK2");
        const long buyer = 41_011;
        var order = await CheckoutQrisAsync(buyer, productId, quantity: 3);
        Assert.Equal(3, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.OrderId == order.Id && s.IsCopy && s.Status == StockItemStatus.Reserved)));

        await ClickAsync(buyer, $"cx:{order.Id}");

        await EventuallyAsync(async () => (await LatestOrderAsync(buyer)).Status == OrderStatus.Cancelled, "order cancelled");
        // Released copies are deleted, never turned into stock of their own.
        Assert.Equal(0, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status != StockItemStatus.Unlimited)));
    }

    private async Task<long> SeedUnlimitedAsync(string code)
    {
        var productId = await SeedProductAsync(code, "Panduan " + code, 5_000, items: 0);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UnlimitedStockService>().EnableAsync(productId, Content, "admin:test", CancellationToken.None));
        return productId;
    }

    private async Task PrepareAsync(long buyer, long productId)
    {
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BotAutoOrder.Domain.Balances.BalanceService>()
                .AdjustByAdminAsync(customerId, 5_000, "test", "admin:test", CancellationToken.None)).Succeeded);
        await ClickAsync(buyer, $"add:{productId}:1");
    }
}

public sealed class UnlimitedProductPostgresTests() : UnlimitedProductTests(DatabaseProvider.Postgres);

public sealed class UnlimitedProductSqliteTests() : UnlimitedProductTests(DatabaseProvider.Sqlite);
