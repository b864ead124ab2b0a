using System.Net;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A running shop in Live Pakasir V2 mode against the <see cref="PakasirDouble"/> (which posts webhooks to the app on
/// Kestrel), with fast worker intervals, plus helpers to act as buyers.
/// </summary>
public abstract class BuyingTestBase(DatabaseProvider provider) : ShopTestBase(provider)
{
    public const string PakasirSecret = "pakasir-webhook-secret-1";
    protected PakasirDouble Pakasir { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pakasir:Mode"] = "Live",
        ["Pakasir:ApiVersion"] = "V2",
        ["Pakasir:BaseUrl"] = Pakasir.BaseUrl.ToString(),
        ["Pakasir:Project"] = Pakasir.Project,
        ["Pakasir:ApiKey"] = Pakasir.ApiKey,
        ["Pakasir:WebhookSecret"] = PakasirSecret,
        ["Workers:ExpiryIntervalSeconds"] = "0.5",
        ["Workers:ReconcileIntervalSeconds"] = "0.5",
        ["Workers:MinStatusIntervalSeconds"] = "4",
        ["Workers:StockAlertIntervalSeconds"] = "0.3",
        ["Telegram:OwnerIds"] = "9100",
    };

    public override async Task InitializeAsync()
    {
        Pakasir = await PakasirDouble.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Pakasir.DisposeAsync();
    }

    protected Uri WebhookUrl => new(Client.BaseAddress!, "/webhooks/pakasir");

    /// <summary>A category with one product holding <paramref name="items"/> stock lines.</summary>
    protected async Task<long> SeedProductAsync(string code, string name, long price, int items, int? perOrderLimit = null, string itemPrefix = "akun",
        string? terms = null, int? lowStockThreshold = null)
    {
        return await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var category = await db.Categories.FirstOrDefaultAsync(c => c.Name == "Streaming") ?? new Category("Streaming", 1, now);
            if (category.Id == 0) db.Categories.Add(category);
            await db.SaveChangesAsync();
            // Product and items in one transaction: the stock-alert worker must never see the product without its stock
            // (it would alert "0 left" and spoil a test of the once-per-crossing rule).
            await using var tx = await db.Database.BeginTransactionAsync();
            var product = new Product(code, name, category.Id, price, now);
            product.Update(name, category.Id, price, "Akun premium", perOrderLimit, terms, lowStockThreshold, true, now);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            for (var i = 1; i <= items; i++) db.StockItems.Add(new StockItem(product.Id, App.GetService<StockCipher>().Seal($"{itemPrefix}-{code}-{i}:rahasia{i}"), now));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return product.Id;
        });
    }

    protected async Task SendAsync(long userId, string text, string firstName = "Budi")
    {
        var response = await App.PostUpdateAsync(Client, Updates.Text(userId, text, firstName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task ClickAsync(long userId, string data, int messageId = 1)
    {
        var response = await App.PostUpdateAsync(Client, Updates.Callback(userId, data, messageId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected Task<Order> LatestOrderAsync(long telegramUserId) => App.QueryAsync(db =>
        db.Orders.Include(o => o.Lines).Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.TelegramUserId == telegramUserId))
            .OrderByDescending(o => o.Id).FirstAsync());

    /// <summary>Polls the database until <paramref name="condition"/> holds, or fails after the deadline.</summary>
    protected async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting for: {what}");
    }

    /// <summary>/start, add the product, pay by QRIS; returns the order once the QR photo was sent.</summary>
    protected async Task<Order> CheckoutQrisAsync(long buyer, long productId, int quantity = 1)
    {
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"add:{productId}:{quantity}");
        await ClickAsync(buyer, "pay:q");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, what: "QR photo");
        return await LatestOrderAsync(buyer);
    }

    /// <summary>A buyer with balance who bought <paramref name="quantity"/> of a product (paid from the balance, delivered).</summary>
    protected async Task<long> BuyWithBalanceAsync(long buyer, long productId, long price, int quantity = 1)
    {
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BotAutoOrder.Domain.Balances.BalanceService>()
                .AdjustByAdminAsync(customerId, price * quantity, "test", "admin:test", CancellationToken.None)).Succeeded);
        await ClickAsync(buyer, $"add:{productId}:{quantity}");
        await ClickAsync(buyer, "pay:b");
        var order = await LatestOrderAsync(buyer);
        Assert.Equal(OrderStatus.Paid, order.Status);
        return order.Id;
    }

    protected Task<int> SoldCountAsync(long productId) =>
        App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Sold));
}
