using System.Net;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
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
        Assert.Contains("Halo, <b>&lt;Ana &amp; Co&gt;</b>", greeting.Text);
        Assert.DoesNotContain("<Ana", greeting.Text);
        Assert.Contains("Toko Uji", greeting.Text);
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
        var greetings = Bot.CallsOf("sendMessage", 7002).Where(c => c.Text!.Contains("Budi")).ToList();
        Assert.Equal(2, greetings.Count);
        Assert.Contains("Welcome to", greetings[1].Text); // English for language_code en
        Assert.Contains("Halo", greetings[0].Text);
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

        var greeting = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7003 && c.Text!.Contains("Halo"));
        Assert.Contains("Produk tersedia: <b>1</b>", greeting.Text); // only Netflix has stock
        Assert.Contains("Pembeli: <b>1</b>", greeting.Text);
        var categories = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7003 && c.Text!.Contains("kategori"));
        var buttons = categories.ButtonTexts();
        Assert.Equal(["Streaming & <TV> (2)"], buttons); // a category without products is hidden
    }

    [Fact]
    public async Task UnknownCommand_GetsShortHint_AndFreeTextIsASearch()
    {
        await App.PostUpdateAsync(Client, Updates.Text(7004, "/halo"));

        var hint = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7004);
        Assert.Contains("/start", hint.Text);

        // Free text searches the products (ADR-021); nothing found → a hint and the categories.
        await App.PostUpdateAsync(Client, Updates.Text(7004, "halo bot apa kabar"));
        var search = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7004 && c.Text?.Contains("Tidak ada produk") == true);
        Assert.Contains("halo bot apa kabar", search.Text);
    }

    [Fact]
    public async Task StaleButton_IsAnsweredPolitely()
    {
        await App.PostUpdateAsync(Client, Updates.Callback(7005, "zzz:does-not-exist"));

        var answer = await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery");
        Assert.Contains("tidak berlaku", answer.Str("text"));
    }

    [Fact]
    public async Task BuyerBlocksBot_IsMarkedUnreachable()
    {
        await App.PostUpdateAsync(Client, Updates.Text(7006, "/start"));
        await App.PostUpdateAsync(Client, Updates.MyChatMember(7006, "kicked"));

        Assert.True(await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == 7006).Select(c => c.IsUnreachable).SingleAsync()));
    }
}

public sealed class StartCommandPostgresTests() : StartCommandTests(DatabaseProvider.Postgres);

public sealed class StartCommandSqliteTests() : StartCommandTests(DatabaseProvider.Sqlite);
