using System.Net;
using System.Net.Http.Json;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>The playground exists only in <c>Playground</c> mode, and survives a restart of the app on the same database.</summary>
public sealed class PlaygroundModeTests() : ShopTestBase(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("/playground")]
    [InlineData("/playground/api/chat?buyer=1")]
    [InlineData("/playground/assets/playground.js")]
    public async Task Playground_InWebhookMode_IsNotThere(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PlaygroundSend_InWebhookMode_Is404AndTheBotTalksToTelegram()
    {
        var response = await Client.PostAsJsonAsync("/playground/api/send", new { buyerId = 1, text = "/start" });
        await App.PostUpdateAsync(Client, Updates.Text(8101, "/start"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 8101, what: "greeting sent to the Bot API, not the playground");
    }

    [Fact]
    public async Task Restart_OnTheSameDatabase_UpdateIdsContinueSoTheBotStillAnswers()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "pg-restart");
        await using (var first = await PlaygroundShop.StartAsync(database))
        {
            await first.SendAsync(8102, "/start");
            await first.WaitForMessageAsync(8102, m => m["text"]?.ToString().Contains("Halo") == true, "greeting before restart");
        }

        await using var second = await PlaygroundShop.StartAsync(database);
        var response = await second.SendAsync(8102, "/start");

        Assert.Contains("\"outcome\":\"Handled\"", await response.Content.ReadAsStringAsync());
        await second.WaitForMessageAsync(8102, m => m["text"]?.ToString().Contains("Halo") == true, "greeting after restart");
    }
}
