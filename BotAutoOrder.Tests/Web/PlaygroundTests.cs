using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The playground with no configuration at all: the browser's actions become real updates through the real pipeline and
/// handler, and the real Telegram client's calls land in the in-process Bot API that the page shows.
/// </summary>
public sealed class PlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private PlaygroundShop Shop => fixture.Shop;
    private ITelegramBotClient Bot => Shop.App.GetService<ITelegramBotClient>();

    [Fact]
    public async Task Start_FromThePage_GreetsEscapedWithReplyKeyboardAndStoresTheBuyer()
    {
        var response = await Shop.SendAsync(8001, "/start", firstName: "<Ana & Co>");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await Shop.ChatAsync(8001);
        var messages = chat["messages"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal("/start", messages[0]["text"]!.ToString());
        Assert.Equal("buyer", messages[0]["author"]!.ToString());
        var greeting = Assert.Single(messages, m => m["author"]!.ToString() == "bot"
            && m["text"]!.ToString().Shows(BotTextCatalog.StartGreeting, ("name", "<Ana & Co>")));
        Assert.DoesNotContain("<Ana", greeting["text"]!.ToString()); // the name escaped
        Assert.Equal("html", greeting["parseMode"]!.ToString(), ignoreCase: true);
        var keyboard = chat["replyKeyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!.ToString()).ToList();
        foreach (var button in new[] { BotTextCatalog.MenuProducts, BotTextCatalog.MenuCart, BotTextCatalog.MenuBalance,
            BotTextCatalog.MenuOrders,
                     BotTextCatalog.MenuHelp })
            Assert.Contains(button.Render(BotTexts.Indonesian), keyboard);

        var customer = await Shop.App.QueryAsync(db => db.Customers.SingleAsync(c => c.TelegramUserId == 8001));
        Assert.Equal("<Ana & Co>", customer.FirstName);
        Assert.Empty(Shop.Outside.Calls); // nothing left the process
    }

    [Fact]
    public async Task FreeText_FromThePage_IsAnsweredAsAProductSearch()
    {
        await Shop.SendAsync(8002, "/start");

        await Shop.SendAsync(8002, "apa kabar?"); // free text is a product search (ADR-021)

        var search = await Shop.WaitForMessageAsync(8002,
            m => m["text"]?.ToString().Shows(BotTextCatalog.SearchNoMatch, ("query", "apa kabar?")) == true,
            "search reply");
        Assert.Equal("bot", search["author"]!.ToString());
    }

    [Fact]
    public async Task UnknownCommand_FromThePage_GetsTheHint()
    {
        await Shop.SendAsync(8012, "/start");

        await Shop.SendAsync(8012, "/apa");

        var hint = await Shop.WaitForMessageAsync(8012, m => m["text"]?.ToString().Shows(BotTextCatalog.UnknownText) == true,
            "unknown-text hint");
        Assert.Equal("bot", hint["author"]!.ToString());
    }

    [Fact]
    public async Task Click_StaleInlineButton_ShowsTheCallbackAnswerAsAToast()
    {
        var menu = await Bot.SendMessage(8003, "Menu lama", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Lama", "zzz:old")));
        var before = (long)(await Shop.ChatAsync(8003))["version"]!;

        var response = await Shop.ClickAsync(8003, menu.MessageId, "zzz:old");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var toast = Assert.Single((await Shop.ChatAsync(8003, before))["toasts"]!.AsArray());
        Assert.True(toast!["text"]!.ToString().Shows(BotTextCatalog.StaleButton), toast.ToJsonString());
        Assert.True(await Shop.App.QueryAsync(db => db.Customers.AnyAsync(c => c.TelegramUserId == 8003)));
    }

    [Fact]
    public async Task EditMessageText_ExistingMessage_ReplacedInPlaceWithoutItsKeyboard()
    {
        var sent = await Bot.SendMessage(8004, "Menunggu <b>pembayaran</b>", ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Cek status", "pay:1")));
        var before = (long)(await Shop.ChatAsync(8004))["version"]!;

        var edited = await Bot.EditMessageText(8004, sent.MessageId, "Lunas ✅ <i>terima kasih</i>", ParseMode.Html);

        Assert.Equal(sent.MessageId, edited.MessageId);
        var changed = Assert.Single((await Shop.ChatAsync(8004, before))["messages"]!.AsArray()); // polling sees only the edit
        Assert.Equal(sent.MessageId, (int)changed!["messageId"]!);
        var messages = await Shop.MessagesAsync(8004);
        var message = Assert.Single(messages);
        Assert.Equal("Lunas ✅ <i>terima kasih</i>", message["text"]!.ToString());
        Assert.True((bool)message["edited"]!);
        Assert.Empty(message["inlineKeyboard"]!.AsArray());
    }

    [Fact]
    public async Task EditMessageText_SameText_Is400NotModifiedLikeTelegram()
    {
        var sent = await Bot.SendMessage(8013, "Lunas ✅ <i>terima kasih</i>", ParseMode.Html);

        var again = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.EditMessageText(8013, sent.MessageId, "Lunas ✅ <i>terima kasih</i>", ParseMode.Html));

        Assert.Equal(400, again.ErrorCode);
        Assert.Contains("not modified", again.Message);
    }

    [Fact]
    public async Task EditMessageText_UnknownMessage_Is400NotFoundLikeTelegram()
    {
        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(8014, 99_999, "x"));

        Assert.Equal(400, missing.ErrorCode);
        Assert.Contains("message to edit not found", missing.Message);
    }

    [Fact]
    public async Task DeleteMessage_SentMessage_LeavesATombstoneAndASecondDeleteFails()
    {
        var sent = await Bot.SendMessage(8005, "QR lama");

        await Bot.DeleteMessage(8005, sent.MessageId);

        Assert.True((bool)Assert.Single(await Shop.MessagesAsync(8005))["deleted"]!);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(8005, sent.MessageId));
    }

    [Fact]
    public async Task SendMessage_UnescapedHtml_Is400AndShownAsANotice()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(8006, "Harga < 5000 <br> murah", ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("can't parse entities", error.Message);
        var notice = Assert.Single(await Shop.MessagesAsync(8006));
        Assert.Equal("system", notice["author"]!.ToString());
    }

    [Fact]
    public async Task SendPhoto_Png_IsServedToThePageAndResolvableThroughGetFile()
    {
        var photo = await Bot.SendPhoto(8007, InputFile.FromStream(new MemoryStream(Png), "qris.png"), caption: "Scan <b>QRIS</b>", parseMode: ParseMode.Html);

        var photoId = Assert.Single(photo.Photo!).FileId;
        var served = await Shop.Client.GetAsync($"/playground/files/{photoId}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        var viaBotApi = new MemoryStream();
        await Bot.GetInfoAndDownloadFile(photoId, viaBotApi);
        Assert.Equal(Png, viaBotApi.ToArray());
        var message = Assert.Single(await Shop.MessagesAsync(8007));
        Assert.Equal("Scan <b>QRIS</b>", message["caption"]!.ToString());
        Assert.Equal($"/playground/files/{photoId}", message["photo"]!["url"]!.ToString());
    }

    [Fact]
    public async Task SendDocument_TextFile_IsServedWithItsFileName()
    {
        var document = await Bot.SendDocument(8015, InputFile.FromStream(new MemoryStream("akun1:pass1\n"u8.ToArray()), "pesanan.txt"));

        var download = await Shop.Client.GetAsync($"/playground/files/{document.Document!.FileId}");

        Assert.Equal("pesanan.txt", document.Document.FileName);
        Assert.Equal("pesanan.txt", download.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("akun1:pass1\n"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Photo_FromThePage_BecomesAPhotoMessageWhoseFileTheBotCanFetch()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("8008"), "buyerId" }, { new StringContent("Budi"), "firstName" }, { new StringContent("bukti SNK"), "caption" },
            { new ByteArrayContent(Png), "photo", "bukti.png" },
        };

        var response = await Shop.Client.PostAsync("/playground/api/photo", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proof = Assert.Single(await Shop.MessagesAsync(8008), m => m["author"]!.ToString() == "buyer");
        Assert.Equal("bukti SNK", proof["caption"]!.ToString());
        var fileId = proof["photo"]!["url"]!.ToString().Split('/').Last();
        var file = await Bot.GetFile(fileId);
        Assert.Equal(Png.Length, (int)file.FileSize!);
        Assert.Equal(Png, await Shop.Client.GetByteArrayAsync($"/playground/files/{fileId}"));
    }

    [Fact]
    public async Task Page_Get_IsHtmlLoadingItsScriptUnderAStrictPolicy()
    {
        var page = await Shop.Client.GetAsync("/playground");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/playground/assets/playground.js", await page.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Asset_PageScript_IsServed()
    {
        var script = await Shop.Client.GetAsync("/playground/assets/playground.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("renderTelegramHtml", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Asset_NotOneOfThePagesFiles_Is404()
    {
        var response = await Shop.Client.GetAsync("/playground/assets/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BotApi_UnknownMethod_Answers404LikeTelegram()
    {
        var http = Shop.App.GetService<IHttpClientFactory>().CreateClient(TelegramSetup.HttpClientName);

        var response = await http.PostAsJsonAsync($"https://api.telegram.org/bot{TelegramOptions.PlaygroundToken}/sendSticker", new { chat_id = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["ok"]!);
        Assert.Equal("Not Found: method not found", body["description"]!.ToString());
    }

    [Theory]
    [InlineData("send", "{\"buyerId\":8010,\"firstName\":\"Budi\",\"text\":\"\"}", "text is required")]
    [InlineData("send", "{\"buyerId\":0,\"text\":\"/start\"}", "buyerId")]
    [InlineData("click", "{\"buyerId\":8010,\"messageId\":424242,\"data\":\"x\"}", "message 424242 does not exist")]
    public async Task Api_BadInput_Is400WithAClearMessage(string action, string json, string expected)
    {
        var response = await Shop.Client.PostAsync($"/playground/api/{action}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Send_TextOverTelegramsLimit_Is400AndReachesNoChat()
    {
        var tooLong = await Shop.SendAsync(8011, new string('a', 4097));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("4096", await tooLong.Content.ReadAsStringAsync());
        Assert.Empty(await Shop.MessagesAsync(8011));
    }

    [Fact]
    public async Task Click_DataOfNoButtonOnTheMessage_Is400AndReachesNoChat()
    {
        var sent = await Bot.SendMessage(8016, "menu",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", "a:1")));

        var forged = await Shop.ClickAsync(8016, sent.MessageId, "admin:pay-all");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("no button", await forged.Content.ReadAsStringAsync());
        Assert.Single(await Shop.MessagesAsync(8016)); // only the bot's own menu
    }

    [Fact]
    public async Task Chat_WithoutABuyer_Is400()
    {
        var noBuyer = await Shop.Client.GetAsync("/playground/api/chat");

        Assert.Equal(HttpStatusCode.BadRequest, noBuyer.StatusCode);
    }
}
