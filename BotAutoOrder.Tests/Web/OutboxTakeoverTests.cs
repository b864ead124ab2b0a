using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Two app instances on one PostgreSQL, both running the outbox worker (the test's own app runs none): the instance
/// holding the outbox lease loses its lease connection and then stops in the middle of a run of sends; the other
/// instance takes the lease over and sends the rest. Every message goes out exactly once across the hand-over.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class OutboxTakeoverTests(ITestOutputHelper output) : BuyingTestBase(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Workers:Enabled"] = "false" };

    [Fact]
    public async Task OutboxLeaseHolder_KilledMidRun_OtherInstanceTakesOverSendingEachMessageOnce()
    {
        var instances = new Dictionary<string, ShopApp>();
        foreach (var name in new[] { "a", "b" })
        {
            instances[name] = new ShopApp(App.Database, Bot, new Dictionary<string, string?>(Settings)
            {
                ["Workers:Enabled"] = "true", ["Workers:ReconcileIntervalSeconds"] = "3600", ["Telegram:BotToken"] = BotApiDouble.InstanceToken(name),
            });
            instances[name].Start();
        }
        try
        {
            Bot.RoundTrip = TimeSpan.FromMilliseconds(100);
            const int messages = 300;
            const long firstChat = 7_700_000;
            await App.QueryAsync(async db =>
            {
                db.OutboxMessages.AddRange(Enumerable.Range(0, messages).Select(i => new OutboxMessage(firstChat + i, OutboxKinds.Text,
                    System.Text.Json.JsonSerializer.Serialize(new TextPayload($"Takeover {i}")), DateTime.UtcNow)));
                return await db.SaveChangesAsync();
            });
            await EventuallyAsync(() => Task.FromResult(Sends().Count >= 50), "sending under way");

            var holder = Sends()[^1].Instance;
            var successor = holder == "a" ? "b" : "a";
            await App.QueryAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT pg_terminate_backend(pid)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {0} AND datname = current_database()",
                WorkerLease.ApplicationName("outbox")).ToListAsync());
            await instances[holder].DisposeAsync(); // the holder's process goes away; its in-flight calls are recorded first
            instances.Remove(holder);
            var stoppedAt = DateTimeOffset.UtcNow;

            await EventuallyAsync(() => Task.FromResult(Sends().Select(c => c.ChatId).Distinct().Count() >= messages), "every message sent", seconds: 60);
            var sends = Sends();
            var bySuccessor = sends.Count(c => c.Instance == successor && c.At > stoppedAt);
            output.WriteLine($"'{holder}' sent {sends.Count(c => c.Instance == holder)} before it stopped; '{successor}' sent {bySuccessor} after");
            Assert.Equal(messages, sends.Count); // once each: nothing doubled across the hand-over
            Assert.DoesNotContain(sends, c => c.Instance == holder && c.At > stoppedAt);
            Assert.True(bySuccessor > 0, $"'{successor}' never took over");

            List<BotApiCall> Sends() => Bot.Calls.Where(c => c.Method == "sendMessage" && c.ChatId is >= firstChat and < firstChat + messages).ToList();
        }
        finally
        {
            foreach (var app in instances.Values) await app.DisposeAsync();
        }
    }
}
