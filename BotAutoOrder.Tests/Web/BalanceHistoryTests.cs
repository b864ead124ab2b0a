using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>The buyer's balance history and my orders are paged with ⬅️ ➡️ buttons, through the real bot.</summary>
public sealed class BalanceHistoryTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task BalanceHistory_TwoPages_ShowsEveryEntryNewestFirst()
    {
        const long buyer = 44_001;
        await BuyerWithSevenAdjustmentsAsync(buyer);

        await SendAsync(buyer, "💰 Saldo");
        var first = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.BalanceView), what: "balance page 1");
        foreach (var i in new[] { 7, 6, 5, 4, 3 }) Assert.Contains($"+Rp {i}.00{i}", first.Text);
        Assert.DoesNotContain("+Rp 2.002", first.Text);
        first.AssertShows(BotTextCatalog.PageOf, ("page", 1), ("pages", 2));
        Assert.Contains("bal:1", first.CallbackDatas());
        Assert.True(first.Text!.IndexOf("+Rp 7.007", StringComparison.Ordinal) < first.Text.IndexOf("+Rp 3.003", StringComparison.Ordinal), "newest first");

        await ClickAsync(buyer, "bal:1");
        var second = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == buyer
            && c.Shows(BotTextCatalog.PageOf, ("page", 2), ("pages", 2)), what: "balance page 2");
        Assert.Contains("+Rp 2.002", second.Text);
        Assert.Contains("+Rp 1.001", second.Text);
        Assert.DoesNotContain("+Rp 3.003", second.Text);
        Assert.Contains("bal", second.CallbackDatas()); // ⬅️ back to page 1
        Assert.DoesNotContain("bal:2", second.CallbackDatas());
    }

    [Fact]
    public async Task BalanceHistory_PageBeyondTheEnd_ShowsTheLastPage()
    {
        const long buyer = 44_003;
        await BuyerWithSevenAdjustmentsAsync(buyer);
        await SendAsync(buyer, "💰 Saldo");
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.BalanceView), what: "balance page 1");

        await ClickAsync(buyer, "bal:99"); // an old or forged page number

        var last = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == buyer
            && c.Shows(BotTextCatalog.PageOf, ("page", 2), ("pages", 2)), what: "clamped page");
        Assert.Contains("+Rp 1.001", last.Text);
    }

    /// <summary>Starts the buyer and credits 1.001 … 7.007: each amount is unique, so each line can be found.</summary>
    private async Task BuyerWithSevenAdjustmentsAsync(long buyer)
    {
        await SendAsync(buyer, "/start");
        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var balances = scope.ServiceProvider.GetRequiredService<BalanceService>();
        for (var i = 1; i <= 7; i++)
            Assert.True((await balances.AdjustByAdminAsync(customerId, 1_000 * i + i, "test", "admin:test",
                CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task MyOrders_MoreThanOnePage_NextButtonLeadsToTheOldest()
    {
        const long buyer = 44_002;
        var seed = new DashboardSeed(App);
        var customer = await seed.CustomerAsync(buyer);
        var product = await seed.ProductAsync("PG", "Canva Pro", 1_000);
        var t0 = DateTime.UtcNow.AddDays(-1);
        var invoices = new List<string>();
        var orderIds = new List<long>();
        for (var i = 0; i < 11; i++) // oldest first
        {
            var order = await seed.OrderAsync(customer, product, 1, OrderStatus.Expired, $"INV-PG-{i:00}", t0.AddMinutes(i));
            invoices.Add(order.InvoiceCode);
            orderIds.Add(order.Id);
        }

        await SendAsync(buyer, "📦 Pesanan Saya");
        var list = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.OrdersView), what: "my orders");
        list.AssertShows(BotTextCatalog.PageOf, ("page", 1), ("pages", 2));
        Assert.Contains("ords:1", list.CallbackDatas());
        Assert.DoesNotContain(invoices[0], list.Text);

        await ClickAsync(buyer, "ords:1");
        var older = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == buyer
            && c.Shows(BotTextCatalog.PageOf, ("page", 2), ("pages", 2)), what: "page 2");
        Assert.Contains(invoices[0], older.Text);
        Assert.Contains($"ord:{orderIds[0]}", older.CallbackDatas());
    }
}
