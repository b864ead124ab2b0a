using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>Invariants 1 and 5 under concurrency: no overselling, no item twice, no balance below zero.</summary>
public abstract class StockConcurrencyTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    [Fact]
    public async Task Checkout_FiftyBuyersForTenItemsAtOnce_ExactlyTenGetStockAndNoItemTwice()
    {
        var productId = await SeedProductAsync("HOT", "Promo Flash", 10_000, items: 10);
        var buyers = Enumerable.Range(0, 50).Select(i => 30_000L + i).ToList();
        foreach (var buyer in buyers) await PrepareBuyerAsync(buyer, productId, balance: 10_000);

        var presses = buyers.Select(b => ClickAsync(b, "pay:b"));
        await Task.WhenAll(presses);

        var paid = await App.QueryAsync(db => db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.Id).ToListAsync());
        Assert.Equal(10, paid.Count);
        var sold = await App.QueryAsync(db => db.StockItems.Where(s => s.ProductId == productId).ToListAsync());
        Assert.All(sold, s => Assert.Equal(StockItemStatus.Sold, s.Status));
        Assert.Equal(10, sold.Select(s => s.OrderId).Distinct().Count()); // one item per paid order
        Assert.True(sold.All(s => paid.Contains(s.OrderId!.Value)));
        Assert.Equal(0, await App.QueryAsync(db => db.Orders.CountAsync(o => o.Status == OrderStatus.PendingPayment)));
        var debits = await App.QueryAsync(db => db.BalanceEntries.CountAsync(e => e.Kind == BalanceEntryKind.Purchase));
        Assert.Equal(10, debits); // the 40 who got nothing paid nothing
        await AssertLedgerMatchesBalancesAsync();

        // Each delivered item reaches exactly one buyer.
        await EventuallyAsync(() => Task.FromResult(Bot.CallsOf("sendMessage").Count(c => c.Text!.Contains("Pembayaran diterima")) == 10), "10 deliveries");
        var delivered = sold.Select(s => Bot.CallsOf("sendMessage").Count(c => c.Text!.Contains("Pembayaran diterima") && c.Text.Contains(App.GetService<StockCipher>().Open(s.Ciphertext, s.KeyId) + "<"))).ToList();
        Assert.All(delivered, n => Assert.Equal(1, n));
        Assert.Equal(40, Bot.CallsOf("sendMessage").Count(c => c.Text!.Contains("tidak cukup")));
    }

    [Fact]
    public async Task Debit_ConcurrentOnOneBalance_NeverGoesBelowZero()
    {
        const long buyer = 31_000;
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        await AdjustAsync(customerId, 50_000);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotAutoOrder.Domain.Data.AppDbContext>();
            var balances = scope.ServiceProvider.GetRequiredService<BalanceService>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var result = await balances.ApplyAsync(customerId, BalanceEntryKind.Purchase, -10_000, $"test-{i}", null, "test", CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return result.Outcome;
        })));

        Assert.Equal(5, attempts.Count(a => a == BalanceOutcome.Applied));
        Assert.Equal(15, attempts.Count(a => a == BalanceOutcome.Insufficient));
        Assert.Equal(0, await App.QueryAsync(db => db.Customers.Where(c => c.Id == customerId).Select(c => c.Balance).SingleAsync()));
        await AssertLedgerMatchesBalancesAsync();
    }

    private async Task PrepareBuyerAsync(long telegramId, long productId, long balance)
    {
        var customerId = await App.QueryAsync(async db =>
        {
            var customer = new Customer(telegramId, $"Pembeli{telegramId}", null, null, "id", DateTime.UtcNow);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });
        await AdjustAsync(customerId, balance);
        await using var scope = App.Services.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<CartService>().SetQuantityAsync(customerId, productId, 1, CancellationToken.None);
        Assert.Equal(CartChangeOutcome.Updated, change.Outcome);
    }

    private async Task AdjustAsync(long customerId, long amount)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<BalanceService>().AdjustByAdminAsync(customerId, amount, "test top-up", "admin:test", CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    private async Task AssertLedgerMatchesBalancesAsync()
    {
        var rows = await App.QueryAsync(db => db.Customers.Select(c => new { c.Balance, Sum = db.BalanceEntries.Where(e => e.CustomerId == c.Id).Sum(e => (long?)e.Amount) ?? 0 }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(r.Sum, r.Balance));
        Assert.All(rows, r => Assert.True(r.Balance >= 0));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync(e => e.BalanceAfter < 0)));
    }
}

public sealed class StockConcurrencyPostgresTests() : StockConcurrencyTests(DatabaseProvider.Postgres);

public sealed class StockConcurrencySqliteTests() : StockConcurrencyTests(DatabaseProvider.Sqlite);
