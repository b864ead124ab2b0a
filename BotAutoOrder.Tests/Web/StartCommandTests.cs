using System.Net;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

public abstract class StartCommandTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    [Fact]
    public async Task Start_NewBuyerWithHtmlName_GreetsEscapedAndStoresCustomer()
    {
        var response = await App.PostUpdateAsync(Client, Updates.Text(7001, "/start", firstName: "<Ana & Co>", username: "ana"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7001, what: "greeting");
        greeting.AssertShows(BotTextCatalog.StartGreeting, ("name", "<Ana & Co>"), ("store", "Toko Uji")); // escaped by the fill
        Assert.DoesNotContain("<Ana", greeting.Text);
        Assert.Equal("html", greeting.Str("parse_mode"), ignoreCase: true);
        var keyboard = string.Join("|", greeting.ButtonTexts());
        foreach (var label in new[] { "Produk", "Keranjang", "Saldo", "Pesanan Saya", "Bantuan" }) Assert.Contains(label, keyboard);

        var customer = await App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == 7001));
        Assert.Equal("<Ana & Co>", customer.FirstName);
        Assert.Equal("ana", customer.Username);
    }

    [Fact]
    public async Task Start_ReturningBuyer_UpdatesProfileWithoutSecondRow()
    {
        await App.PostUpdateAsync(Client, Updates.Text(7002, "/start", firstName: "Budi"));
        await App.PostUpdateAsync(Client, Updates.Text(7002, "/start", firstName: "Budi Santoso", languageCode: "en"));

        var customers = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == 7002).ToListAsync());
        var customer = Assert.Single(customers);
        Assert.Equal("Budi Santoso", customer.FirstName);
        var greetings = Bot.CallsOf("sendMessage", 7002)
            .Where(c => c.Shows(BotTextCatalog.StartGreeting) || c.ShowsIn(BotTexts.English, BotTextCatalog.StartGreeting)).ToList();
        Assert.Equal(2, greetings.Count);
        Assert.True(greetings[1].ShowsIn(BotTexts.English, BotTextCatalog.StartGreeting, ("name", "Budi Santoso"))); // language_code en
        Assert.True(greetings[0].Shows(BotTextCatalog.StartGreeting, ("name", "Budi")));
    }

    [Fact]
    public async Task Start_WithStock_ShowsLiveStatsAndCategoryButtons()
    {
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var streaming = new Category("Streaming & <TV>", 1, now);
            var empty = new Category("Kosong", 2, now);
            db.Categories.AddRange(streaming, empty);
            await db.SaveChangesAsync();
            var netflix = new Product("NFX1", "Netflix 1 Bulan", streaming.Id, 25000, now);
            var spotify = new Product("SPT1", "Spotify", streaming.Id, 15000, now);
            db.Products.AddRange(netflix, spotify);
            await db.SaveChangesAsync();
            db.StockItems.Add(new StockItem(netflix.Id, App.GetService<StockCipher>().Seal("user1:pass1"), now));
            return await db.SaveChangesAsync();
        });

        await App.PostUpdateAsync(Client, Updates.Text(7003, "/start"));

        var greeting = await Bot.WaitForSentAsync("sendMessage", 7003, BotTextCatalog.StartGreeting);
        greeting.AssertShows(BotTextCatalog.StartGreeting, ("products", 1), ("buyers", 1)); // only Netflix has stock
        var categories = await Bot.WaitForSentAsync("sendMessage", 7003, BotTextCatalog.StartCategories);
        var buttons = categories.ButtonTexts();
        Assert.Equal(["Streaming & <TV> (2)"], buttons); // a category without products is hidden
    }

    [Fact]
    public async Task UnknownCommand_GetsShortHint_AndFreeTextIsASearch()
    {
        await App.PostUpdateAsync(Client, Updates.Text(7004, "/halo"));

        var hint = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7004);
        hint.AssertShows(BotTextCatalog.UnknownText);

        // Free text searches the products (ADR-021); nothing found → a hint and the categories.
        await App.PostUpdateAsync(Client, Updates.Text(7004, "halo bot apa kabar"));
        var search = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7004 && c.Text?.Contains("Tidak ada produk") == true);
        Assert.Contains("halo bot apa kabar", search.Text);
    }

    [Fact]
    public async Task Click_StaleButton_IsAnsweredPolitely()
    {
        await App.PostUpdateAsync(Client, Updates.Callback(7005, "zzz:does-not-exist"));

        var answer = await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery");
        Assert.Equal(BotTextCatalog.StaleButton.Render(BotTexts.Indonesian), answer.Str("text"));
    }

    [Fact]
    public async Task MyChatMember_BuyerBlocksTheBot_MarkedUnreachable()
    {
        await App.PostUpdateAsync(Client, Updates.Text(7006, "/start"));
        await App.PostUpdateAsync(Client, Updates.MyChatMember(7006, "kicked"));

        Assert.True(await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == 7006).Select(c => c.IsUnreachable).SingleAsync()));
    }
}

public sealed class StartCommandPostgresTests() : StartCommandTests(DatabaseProvider.Postgres);

public sealed class StartCommandSqliteTests() : StartCommandTests(DatabaseProvider.Sqlite);
