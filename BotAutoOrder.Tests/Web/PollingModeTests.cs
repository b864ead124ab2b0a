using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Polling mode (a token, no public URL): the webhook is removed, then updates are long-polled and handled once.</summary>
public sealed class PollingModeTests() : ShopTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:Mode"] = null, ["Telegram:PublicUrl"] = "", ["Telegram:WebhookSecret"] = "",
    };

    [Fact]
    public async Task Polling_Started_DeletesTheWebhookThenHandlesEachUpdateOnce()
    {
        await Bot.WaitForAsync(c => c.Method == "deleteWebhook", what: "deleteWebhook before polling");
        var update = Updates.Text(90_001, "/start", firstName: "Poll");

        Bot.QueueUpdate(update);
        Bot.QueueUpdate(update); // delivered twice: handled once

        var greeting = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 90_001 && c.Text!.Contains("Halo"), what: "greeting");
        Assert.Contains("Poll", greeting.Text);
        Assert.DoesNotContain(Bot.Calls, c => c.Method == "setWebhook");
        Assert.True(Bot.Calls.First(c => c.Method == "deleteWebhook").Sequence < Bot.Calls.First(c => c.Method == "getUpdates").Sequence);
        await Bot.WaitForAsync(c => c.Method == "getUpdates" && c.Sequence > greeting.Sequence, what: "polling goes on");
        Assert.Single(Bot.CallsOf("sendMessage", 90_001), c => c.Text!.Contains("Halo"));
        Assert.Equal(1, await App.QueryAsync(db => db.InboundEvents.CountAsync()));
    }

    [Fact]
    public async Task WebhookEndpoint_InPollingMode_RefusesEverything()
    {
        var response = await App.PostUpdateAsync(Client, Updates.Text(90_002, "/start"), secret: "");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
