using System.Text.Json;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// One chat's queued messages reach Telegram in the order they were queued, even though the worker has many calls in
/// flight and round trips vary (100–300 ms, as from Indonesia): a menu never overtakes its greeting, nor the items the
/// "payment received" line.
/// </summary>
public sealed class OutboxChatOrderTests() : ShopTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Send_FiveMessagesQueuedTogetherForOneChat_ArriveInQueueOrder()
    {
        const long chat = 40_101;
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
        await Bot.WaitForAsync(c => c.ChatId == chat && c.Text == "Pesan 5", TimeSpan.FromSeconds(30), "the last message");
        await Bot.WaitForAsync(_ => Bot.CallsOf("sendMessage", chat).Count >= texts.Count, TimeSpan.FromSeconds(30), "all five");

        Assert.Equal(texts, Bot.CallsOf("sendMessage", chat).Select(c => c.Text));
    }
}
