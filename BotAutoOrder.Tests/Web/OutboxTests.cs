using System.Text.Json;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The outbox against the Bot API double: 429 retry_after, 403 blocked, and a restart in the middle.</summary>
public abstract class OutboxTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    private async Task<long> EnqueueAsync(long chatId, string html)
    {
        return await App.QueryAsync(async db =>
        {
            if (!await db.Customers.AnyAsync(c => c.TelegramUserId == chatId))
                db.Customers.Add(new Customer(chatId, "Budi", null, null, "id", DateTime.UtcNow));
            var message = new OutboxMessage(chatId, OutboxKinds.Text, JsonSerializer.Serialize(new TextPayload(html)), DateTime.UtcNow);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }

    private Task<OutboxMessage> RowAsync(long id) => App.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Send_TooManyRequests_WaitsRetryAfterThenDelivers()
    {
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(2), chatId: 40_001);

        var id = await EnqueueAsync(40_001, "Halo <b>kamu</b>");

        var delivered = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 40_001 && c.Sequence > 1 && Bot.CallsOf("sendMessage", 40_001).Count == 2,
            TimeSpan.FromSeconds(20), "second attempt");
        var calls = Bot.CallsOf("sendMessage", 40_001);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {calls[1].At - calls[0].At}, before retry_after");
        await PollAsync(async () => (await RowAsync(id)).Status == OutboxStatus.Sent);
        Assert.Equal("Halo <b>kamu</b>", delivered.Text);
    }

    [Fact]
    public async Task Send_Forbidden_MarksTheBuyerUnreachableWithoutRetrying()
    {
        Bot.FailNext("sendMessage", BotApiReply.Blocked(), chatId: 40_002, times: 100);

        var id = await EnqueueAsync(40_002, "Promo");

        await PollAsync(async () => (await RowAsync(id)).Status == OutboxStatus.Failed);
        Assert.True(await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == 40_002).Select(c => c.IsUnreachable).SingleAsync()));
        var other = await EnqueueAsync(40_003, "for someone else"); // the worker keeps going
        await PollAsync(async () => (await RowAsync(other)).Status == OutboxStatus.Sent);
        Assert.Single(Bot.CallsOf("sendMessage", 40_002));
    }

    [Fact]
    public async Task Send_ServerError_IsRetriedWithBackoff()
    {
        Bot.FailNext("sendMessage", BotApiReply.Error(502, "Bad Gateway"), chatId: 40_004);

        var id = await EnqueueAsync(40_004, "Tetap sampai");

        await PollAsync(async () => (await RowAsync(id)).Status == OutboxStatus.Sent, seconds: 20);
        Assert.Equal(2, Bot.CallsOf("sendMessage", 40_004).Count);
        Assert.Equal(2, (await RowAsync(id)).Attempts);
    }

    [Fact]
    public async Task Delivery_AppRestartedMidway_MessageStillArrivesOnce()
    {
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(3), chatId: 40_005);
        var id = await EnqueueAsync(40_005, "Sekali saja");
        await Bot.WaitForAsync(c => c.ChatId == 40_005, what: "first (rate-limited) attempt");

        await App.DisposeAsync(); // the process goes away while the message waits out its retry_after
        await using var restarted = new ShopApp(App.Database, Bot, Settings);
        restarted.Start();

        await Bot.WaitForAsync(c => c.ChatId == 40_005 && Bot.CallsOf("sendMessage", 40_005).Count == 2, TimeSpan.FromSeconds(20), "delivery after restart");
        await PollAsync(async () => await restarted.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.Status == OutboxStatus.Sent)));
        await PollAsync(async () => await restarted.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0);
        Assert.Equal(2, Bot.CallsOf("sendMessage", 40_005).Count); // one 429, one delivery: never twice
    }

    private static async Task PollAsync(Func<Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not reached in time");
    }
}

public sealed class OutboxPostgresTests() : OutboxTests(DatabaseProvider.Postgres);

public sealed class OutboxSqliteTests() : OutboxTests(DatabaseProvider.Sqlite);
