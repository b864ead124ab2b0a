using System.Text.Json;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// One chat's queued messages reach Telegram in the order they were queued, even though the worker has many calls in
/// flight and round trips vary (100–300 ms, as from Indonesia): a menu never overtakes its greeting, nor the items the
/// "payment received" line; and when Telegram holds the first back (429), the others wait for it.
/// </summary>
public sealed class OutboxChatOrderTests() : ShopTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Send_FiveMessagesQueuedTogetherForOneChat_ArriveInQueueOrder()
    {
        const long chat = 40_101;
        var texts = await QueueAsync(chat);

        await Bot.WaitForAsync(_ => Bot.CallsOf("sendMessage", chat).Count >= texts.Count, TimeSpan.FromSeconds(30), "all five");

        Assert.Equal(texts, Bot.CallsOf("sendMessage", chat).Select(c => c.Text));
    }

    [Fact]
    public async Task Send_FirstMessageHeldBackBy429_TheOthersWaitAndArriveAfterItInQueueOrder()
    {
        const long chat = 40_102;
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(1), chatId: chat);
        var texts = await QueueAsync(chat);

        await Bot.WaitForAsync(_ => Bot.CallsOf("sendMessage", chat).Count >= texts.Count + 1, TimeSpan.FromSeconds(30), "all five");

        var calls = Bot.CallsOf("sendMessage", chat);
        Assert.Equal("Pesan 1", calls[0].Text); // the attempt Telegram answered 429
        Assert.Equal(texts, calls.Skip(1).Select(c => c.Text));
    }

    /// <summary>Five messages for one chat in one transaction, with round trips of 100–300 ms.</summary>
    private async Task<List<string>> QueueAsync(long chat)
    {
        Bot.RoundTrip = TimeSpan.FromMilliseconds(100);
        Bot.RoundTripJitter = TimeSpan.FromMilliseconds(200);
        var texts = Enumerable.Range(1, 5).Select(i => $"Pesan {i}").ToList();
        await App.QueryAsync(async db =>
        {
            db.Customers.Add(new Customer(chat, "Budi", null, null, "id", DateTime.UtcNow));
            db.OutboxMessages.AddRange(texts.Select(t =>
                new OutboxMessage(chat, OutboxKinds.Text, JsonSerializer.Serialize(new TextPayload(t)), DateTime.UtcNow)));
            return await db.SaveChangesAsync();
        });
        return texts;
    }
}
