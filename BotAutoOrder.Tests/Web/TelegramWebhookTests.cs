using System.Net;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

public abstract class TelegramWebhookTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Post_WithoutTheRightSecret_Is401AndStoresNothing(string? secret)
    {
        var response = await App.PostUpdateAsync(Client, Updates.Text(8001, "/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.InboundEvents.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Customers.CountAsync()));
        Assert.Empty(Bot.CallsOf("sendMessage"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"message\":{}}")]
    [InlineData("{\"update_id\":\"abc\"}")]
    public async Task Post_MalformedBody_Is400(string body)
    {
        var response = await App.PostUpdateAsync(Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.InboundEvents.CountAsync()));
    }

    [Fact]
    public async Task Webhook_SameUpdateIdTwice_IsHandledOnce()
    {
        var update = Updates.Text(8002, "/start");

        var first = await App.PostUpdateAsync(Client, update);
        var second = await App.PostUpdateAsync(Client, update);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Bot.CallsOf("sendMessage", 8002), c => c.Text!.Contains("Halo"));
        Assert.Equal(1, await App.QueryAsync(db => db.InboundEvents.CountAsync()));
    }

    [Fact]
    public async Task Webhook_SameUpdateIdConcurrently_IsHandledOnce()
    {
        var update = Updates.Text(8003, "/start");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => App.PostUpdateAsync(Client, update)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Bot.CallsOf("sendMessage", 8003), c => c.Text!.Contains("Halo"));
        Assert.Equal(1, await App.QueryAsync(db => db.Customers.CountAsync(c => c.TelegramUserId == 8003)));
    }

    [Fact]
    public async Task Start_InWebhookMode_SetsTheWebhookWithSecretAndAllowedUpdates()
    {
        var call = await Bot.WaitForAsync(c => c.Method == "setWebhook", what: "setWebhook");

        Assert.Equal("https://shop.example.test/webhooks/telegram", call.Str("url"));
        Assert.Equal(ShopApp.WebhookSecret, call.Str("secret_token"));
        var allowed = call.Parameters["allowed_updates"]!.ToJsonString();
        foreach (var kind in new[] { "message", "callback_query", "my_chat_member" }) Assert.Contains(kind, allowed);
        Assert.NotEqual("true", call.Str("drop_pending_updates"));
    }
}

public sealed class TelegramWebhookPostgresTests() : TelegramWebhookTests(DatabaseProvider.Postgres);

public sealed class TelegramWebhookSqliteTests() : TelegramWebhookTests(DatabaseProvider.Sqlite);
