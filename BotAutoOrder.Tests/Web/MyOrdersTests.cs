using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.Extensions.DependencyInjection;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>My orders, order detail, "resend my items" and help, through the real bot.</summary>
public sealed class MyOrdersTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Resend_FromMyOrdersDetail_DeliversTheSameItemsAgain()
    {
        var productId = await SeedProductAsync("MO", "Office 365", 12_000, items: 2);
        const long buyer = 43_001;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 12_000);
        var first = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.DeliveryHeader), what: "delivery");

        await SendAsync(buyer, "📦 Pesanan Saya");
        var list = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.OrdersView), what: "my orders");
        Assert.Contains($"ord:{orderId}", list.CallbackDatas());
        await ClickAsync(buyer, $"ord:{orderId}");
        var detail = await Bot.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == buyer
            && c.Shows(BotTextCatalog.OrderDetail, ("status", BotTextCatalog.StatusPaidName.Render(BotTexts.Indonesian))), what: "detail");
        Assert.Contains($"rs:{orderId}", detail.CallbackDatas());
        await ClickAsync(buyer, $"rs:{orderId}");

        await EventuallyAsync(() => Task.FromResult(Bot.CallsOf("sendMessage", buyer).Count(c => c.Shows(BotTextCatalog.DeliveryHeader)) == 2), "resent");
        var again = Bot.CallsOf("sendMessage", buyer).Last(c => c.Shows(BotTextCatalog.DeliveryHeader));
        Assert.Equal(first.Text, again.Text);
    }

    [Fact]
    public async Task Resend_SomeoneElsesOrder_IsStaleAndSendsNothing()
    {
        var productId = await SeedProductAsync("MO2", "Office 365", 12_000, items: 2);
        var orderId = await BuyWithBalanceAsync(43_004, productId, 12_000);

        await ClickAsync(43_002, $"rs:{orderId}");

        await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.StaleButton), what: "stale");
        Assert.Empty(Bot.Sent(43_002, BotTextCatalog.DeliveryHeader));
    }

    [Fact]
    public async Task Help_WithContactSet_ShowsHowToOrderAndTheContact()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { ContactUsername = "toko_admin" }, "admin:test", CancellationToken.None);
        }

        await SendAsync(43_003, "❓ Bantuan");

        var help = await Bot.WaitForAsync(c => c.ChatId == 43_003 && c.Shows(BotTextCatalog.Help), what: "help");
        help.AssertShows(BotTextCatalog.HelpContact, ("username", "toko_admin"));
    }
}
