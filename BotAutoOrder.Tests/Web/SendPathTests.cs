using System.Diagnostics;
using System.Net;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using TelegramLimits = BotAutoOrder.Tests.Support.TelegramLimits;  // the test double, not Domain.Messaging.TelegramLimits

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The send path under load on PostgreSQL, against a Bot API double with a 150 ms round trip that answers 429 above 30
/// sends in any sliding second: a big broadcast keeps the configured rate, a purchase paid during it is delivered at
/// once, a flash sale is delivered at the rate, and a reply Telegram holds back is answered once, after the wait.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class SendPathTests(ITestOutputHelper output) : BuyingTestBase(DatabaseProvider.Postgres)
{
    private const int Rate = 25;
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(150);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings)
        {
            ["Shop:SendRatePerSecond"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // These tests time the send path from the webhook. A reconciliation poll of the same payment just before the
            // webhook would make the webhook wait for Pakasir's next allowed status call (one per 4 s, ADR-010), which
            // is the payment path's pacing, not the send path's: no background poll here.
            ["Workers:ReconcileIntervalSeconds"] = "3600",
        };

    [Fact]
    public async Task Broadcast_To2000BuyersAt150ms_KeepsTheRate_AndAPurchasePaidDuringItIsDeliveredWithin2s()
    {
        const int buyers = 2000;
        const long firstChat = 7_100_000;
        const long buyer = 7_099_999;
        var productId = await SeedProductAsync("BCX", "Netflix", 10_000, items: 1);
        var order = await CheckoutQrisAsync(buyer, productId);
        await SeedBuyersAsync(firstChat, buyers);
        var limits = new TelegramLimits(_ => false);
        Bot.Responder = limits.Respond;
        Bot.RoundTrip = RoundTrip;
        const string marker = "Promo akhir tahun";

        var broadcastId = await StartBroadcastAsync($"<b>{marker}</b> 🎉");
        await EventuallyAsync(() => Task.FromResult(limits.Delivered(marker) >= 200), "broadcast well under way", seconds: 60);
        var paidAt = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false)).StatusCode);
        var delivery = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true, TimeSpan.FromSeconds(30), "delivery");
        var deliveryLatency = delivery.At - paidAt;
        var broadcastLeft = buyers - limits.Delivered(marker);

        await EventuallyAsync(async () => await App.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == broadcastId && b.Status == BroadcastStatus.Completed)),
            "broadcast completed", seconds: 180);
        var sent = limits.Log.Where(r => r.Status == 200 && r.Text?.Contains(marker, StringComparison.Ordinal) == true && r.ChatId >= firstChat).ToList();
        var perChat = sent.GroupBy(r => r.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(buyers, perChat.Count); // none lost
        Assert.All(perChat, kv => Assert.Equal(1, kv.Value)); // none doubled
        var rate = (sent.Count - 1) / (sent.Max(r => r.At) - sent.Min(r => r.At)).TotalSeconds;
        var maxInSecond = TelegramLimits.MaxInAnySecond(limits.Log.Where(r => r.Status == 200).Select(r => r.At));
        var tooMany = limits.Log.Count(r => r.Status == 429);
        output.WriteLine($"{buyers} buyers at {RoundTrip.TotalMilliseconds} ms: {rate:F1} msg/s of {Rate} ({rate / Rate:P0}); max {maxInSecond} sends in a second; " +
                         $"{tooMany} answers 429; delivery {deliveryLatency.TotalMilliseconds:F0} ms after the webhook with {broadcastLeft} broadcast messages still queued");
        Assert.True(rate >= 0.95 * Rate, $"broadcast at {rate:F1} msg/s, below 95% of {Rate}");
        Assert.True(maxInSecond <= TelegramLimits.PerSecond, $"{maxInSecond} sends within one second");
        Assert.DoesNotContain(limits.Log, r => r.Paid); // a free broadcast costs no Stars
        Assert.True(broadcastLeft > 100, "the purchase was not paid during the broadcast");
        Assert.True(deliveryLatency <= TimeSpan.FromSeconds(2), $"delivered {deliveryLatency.TotalMilliseconds:F0} ms after the webhook");
    }

    /// <summary>
    /// Measured from each payment's commit (its webhook answered): processing 100 simultaneous payment webhooks is not the
    /// send path's work and on a 2-core test machine takes 1–2 s by itself (the output shows the end-to-end figures too).
    /// </summary>
    [Fact]
    public async Task FlashSale_100OrdersPaidAtOnceAt150ms_AreDeliveredAtTheSendRate()
    {
        const int orders = 100;
        const long firstBuyer = 7_200_000;
        var productId = await SeedProductAsync("FLS", "Spotify", 5_000, items: orders);
        var invoices = new Dictionary<long, string>();
        foreach (var chunk in Enumerable.Range(0, orders).Select(i => firstBuyer + i).Chunk(20))
        {
            var placed = await Task.WhenAll(chunk.Select(async b => (b, await CheckoutQrisAsync(b, productId))));
            foreach (var (b, order) in placed) invoices[b] = order.InvoiceCode;
        }
        var limits = new TelegramLimits(_ => false);
        Bot.Responder = limits.Respond;
        Bot.RoundTrip = RoundTrip;

        var paidAt = new Dictionary<long, DateTimeOffset>();
        var answeredAt = new Dictionary<long, DateTimeOffset>(); // the webhook's answer: the payment is committed
        await Task.WhenAll(invoices.Select(async kv =>
        {
            lock (paidAt) paidAt[kv.Key] = DateTimeOffset.UtcNow;
            Assert.Equal(HttpStatusCode.OK, (await Pakasir.PayAsync(kv.Value, WebhookUrl, PakasirSecret, v1Shape: false)).StatusCode);
            lock (answeredAt) answeredAt[kv.Key] = DateTimeOffset.UtcNow;
        }));
        await EventuallyAsync(() => Task.FromResult(Deliveries().Count == orders), "every order delivered", seconds: 60);

        // The send path's part: from the payment committed (the webhook answered) to the goods at Telegram.
        var latencies = Deliveries().Select(c => (c.At - answeredAt[c.ChatId]).TotalSeconds).Order().ToList();
        var endToEnd = Deliveries().Select(c => (c.At - paidAt[c.ChatId]).TotalSeconds).Order().ToList();
        var p50 = latencies[orders / 2 - 1];
        var p99 = latencies[(int)Math.Ceiling(orders * 0.99) - 1];
        var budget = (double)orders / Rate + 1;
        var sends = Deliveries().Select(c => c.At).Order().ToList();
        var firstPaid = paidAt.Values.Min();
        output.WriteLine($"{orders} orders paid at once, {RoundTrip.TotalMilliseconds} ms round trip: p50 {p50:F2} s, p99 {p99:F2} s, max {latencies[^1]:F2} s " +
                         $"(budget {budget:F1} s); webhooks answered {(answeredAt.Values.Min() - firstPaid).TotalSeconds:F2}–{(answeredAt.Values.Max() - firstPaid).TotalSeconds:F2} s " +
                         $"(webhook → items p50 {endToEnd[orders / 2 - 1]:F2} s, p99 {endToEnd[^2]:F2} s); " +
                         $"deliveries {(sends[0] - firstPaid).TotalSeconds:F2}–{(sends[^1] - firstPaid).TotalSeconds:F2} s ({(sends.Count - 1) / (sends[^1] - sends[0]).TotalSeconds:F1}/s)");
        Assert.Equal(orders, Deliveries().Select(c => c.ChatId).Distinct().Count());
        Assert.True(p99 <= budget, $"p99 {p99:F2} s > {budget:F1} s");

        // The admin hears of every paid order, in a few digests rather than 100 messages at one per second.
        const long admin = 9001;
        await EventuallyAsync(() => Task.FromResult(invoices.Values.All(code => Bot.CallsOf("sendMessage", admin).Any(c => c.Text?.Contains(code) == true))),
            "every paid order told to the admin", seconds: 60);
        var adminMessages = Bot.CallsOf("sendMessage", admin).Count(c => invoices.Values.Any(code => c.Text?.Contains(code) == true));
        output.WriteLine($"admin notices for {orders} orders: {adminMessages} messages");
        Assert.True(adminMessages <= orders / 5, $"{adminMessages} admin messages for {orders} paid orders");

        // Delivered = answered 200 (a delivery that got 429 is tried again, and only that attempt counts).
        List<SendRecord> Deliveries() => limits.Log.Where(r => r.Status == 200 && r.Method == "sendMessage" && r.ChatId is >= firstBuyer and < firstBuyer + orders
                                                                && r.Text?.Contains("Pembayaran diterima") == true).ToList();
    }

    [Fact]
    public async Task StartReply_Getting429RetryAfter1_IsAnsweredOnceNoEarlierThan1s()
    {
        var expected = await StartTextsAsync(7_300_001, Client);

        await AssertAnsweredAfter429Async(7_300_002, Client, retryAfter: 1, expected);
    }

    [Fact]
    public async Task StartReply_Getting429_WithTwoInstances_IsAnsweredOnce_ShortWaitInPlace_LongWaitThroughTheOutbox()
    {
        await using var second = new ShopApp(App.Database, Bot, Settings);
        var secondClient = second.Start();
        var expected = await StartTextsAsync(7_300_011, secondClient);

        await AssertAnsweredAfter429Async(7_300_012, secondClient, retryAfter: 1, expected);
        // Longer than a buyer should wait inside the update: handed to the outbox's reply lane, sent by the lease holder.
        await AssertAnsweredAfter429Async(7_300_013, secondClient, retryAfter: 6, expected);
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ChatId == 7_300_013 && m.Status == OutboxStatus.Sent)) == expected.Count,
            "the handed-over replies recorded as sent");
        var handedOver = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == 7_300_013).ToListAsync());
        Assert.Equal(expected.Count, handedOver.Count); // the held-back reply and the one after it, which did not wait inside the update
        Assert.All(handedOver, row => Assert.Equal((OutboxKinds.ApiCall, (int)OutboxLane.Reply, OutboxStatus.Sent), (row.Kind, row.Lane, row.Status)));
    }

    [Fact]
    public async Task UpdateThatFails_TellsTheBuyerTheGenericErrorText()
    {
        const long buyer = 7_300_021;
        Bot.FailNext("sendMessage", BotApiReply.BadRequest("Bad Request: chat not found"), chatId: buyer);

        await SendAsync(buyer, "/start");

        var told = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("ada gangguan") == true, what: "error.generic");
        Assert.Equal("sendMessage", told.Method);
        Assert.Equal(2, Bot.CallsOf("sendMessage", buyer).Count); // the failed reply, then the apology: nothing else
    }

    [Fact]
    public async Task OutboxLease_KilledUnderARunningSender_StopsItBeforeAnotherSenderStarts()
    {
        await using var second = new ShopApp(App.Database, Bot, new Dictionary<string, string?>(Settings) { ["Telegram:BotToken"] = BotApiDouble.InstanceToken("b") });
        second.Start();
        Bot.RoundTrip = TimeSpan.FromMilliseconds(100);
        const int messages = 400;
        const long firstChat = 7_400_000;
        await App.QueryAsync(async db =>
        {
            db.OutboxMessages.AddRange(Enumerable.Range(0, messages).Select(i => new OutboxMessage(firstChat + i, OutboxKinds.Text,
                System.Text.Json.JsonSerializer.Serialize(new TextPayload($"Lease {i}")), DateTime.UtcNow)));
            return await db.SaveChangesAsync();
        });
        await EventuallyAsync(() => Task.FromResult(Sends().Count >= 60), "sending under way");

        var holder = Sends()[^1].Instance;
        var killedAt = DateTimeOffset.UtcNow;
        var killed = await App.QueryAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT pg_terminate_backend(pid)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {0} AND datname = current_database()",
            BotAutoOrder.Web.Workers.WorkerLease.ApplicationName("outbox")).ToListAsync());
        Assert.Equal([1], killed); // exactly one lease connection, and it was ended

        await EventuallyAsync(() => Task.FromResult(Sends().Count >= messages), "every message sent", seconds: 60);
        var sends = Sends();
        Assert.Equal(messages, sends.Select(c => c.ChatId).Distinct().Count());
        Assert.Equal(messages, sends.Count); // once each

        var afterKill = sends.Where(c => c.At > killedAt).ToList();
        var other = afterKill.FirstOrDefault(c => c.Instance != holder);
        output.WriteLine($"holder '{holder}' lost its lease after {sends.Count(c => c.At <= killedAt)} sends; " +
                         (other is null ? "it took the lease again" : $"'{other.Instance}' took over {(other.At - killedAt).TotalMilliseconds:F0} ms after the kill"));

        // The fence itself (row claims alone already keep two senders from sending a row twice): once its lease
        // connection is killed the old holder sends nothing more, until it holds the lease again itself (the server's
        // backend_start of the connection now holding the lock) or for good when the other instance took over.
        // A call that passed the check just before the kill may still arrive, hence the allowance.
        var leaseSince = await App.QueryAsync(db => db.Database.SqlQueryRaw<DateTime>(
            "SELECT a.backend_start AS \"Value\" FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid " +
            "WHERE a.application_name = {0} AND a.datname = current_database() AND l.locktype = 'advisory' AND l.granted",
            BotAutoOrder.Web.Workers.WorkerLease.ApplicationName("outbox")).ToListAsync());
        var heldAgainAt = leaseSince.Count == 0 ? DateTimeOffset.MaxValue : new DateTimeOffset(DateTime.SpecifyKind(leaseSince.Max(), DateTimeKind.Utc));
        var fencedUntil = other is null ? heldAgainAt : DateTimeOffset.MaxValue;
        var unfenced = afterKill.Where(c => c.Instance == holder && c.At > killedAt + TimeSpan.FromMilliseconds(700) && c.At < fencedUntil).ToList();
        output.WriteLine($"lease held again {(heldAgainAt - killedAt).TotalMilliseconds:F0} ms after the kill; old holder's sends while fenced: {unfenced.Count}");
        Assert.True(unfenced.Count == 0, $"{unfenced.Count} sends by '{holder}' after its lease connection was killed and before it held the lease again");

        List<BotApiCall> Sends() => Bot.Calls.Where(c => c.Method == "sendMessage" && c.ChatId is >= firstChat and < firstChat + messages).ToList();
    }

    /// <summary>The texts a /start sends to a new buyer (in order), learned from a buyer whose replies all went through.</summary>
    private async Task<List<string>> StartTextsAsync(long buyer, HttpClient client)
    {
        Assert.Equal(HttpStatusCode.OK, (await App.PostUpdateAsync(client, Updates.Text(buyer, "/start"))).StatusCode);
        var texts = Bot.CallsOf("sendMessage", buyer).Select(c => c.Text ?? "").ToList();
        Assert.NotEmpty(texts);
        return texts;
    }

    private async Task AssertAnsweredAfter429Async(long buyer, HttpClient client, int retryAfter, List<string> expected)
    {
        Bot.FailNext("sendMessage", BotApiReply.TooManyRequests(retryAfter), chatId: buyer);
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.OK, (await App.PostUpdateAsync(client, Updates.Text(buyer, "/start"))).StatusCode);

        await EventuallyAsync(() => Task.FromResult(Bot.CallsOf("sendMessage", buyer).Count >= expected.Count + 1), "the reply after the wait", seconds: 30);
        var calls = Bot.CallsOf("sendMessage", buyer);
        var limited = calls[0]; // FailNext answered the first call 429
        var answered = calls.Skip(1).ToList();
        Assert.Equal(expected.Count, answered.Count); // what a /start sends (the greeting counts buyers, so texts differ a little)
        Assert.Equal(answered.Count, answered.Select(c => c.Text).Distinct().Count()); // each once
        Assert.Equal(limited.Text, answered[0].Text); // the held-back reply itself, first
        var waited = answered[0].At - limited.At;
        output.WriteLine($"retry_after {retryAfter}: answered {waited.TotalMilliseconds:F0} ms after the 429 ({clock.ElapsedMilliseconds} ms in all)");
        Assert.True(waited >= TimeSpan.FromSeconds(retryAfter) - TimeSpan.FromMilliseconds(20), $"sent again {waited.TotalMilliseconds:F0} ms after a 429 retry_after {retryAfter}");
        Assert.True(waited <= TimeSpan.FromSeconds(retryAfter + 2), $"sent again only {waited.TotalMilliseconds:F0} ms after the 429");
    }

    private async Task SeedBuyersAsync(long firstChat, int count) =>
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Customers.AddRange(Enumerable.Range(0, count).Select(i => new Customer(firstChat + i, $"Buyer{i}", null, null, "id", now)));
            return await db.SaveChangesAsync();
        });

    private async Task<long> StartBroadcastAsync(string html)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var draft = await broadcasts.CreateDraftAsync(html, null, null, BroadcastAudience.AllReachable, "admin:test", CancellationToken.None);
        Assert.Equal(BroadcastOutcome.Done, draft.Outcome);
        Assert.Equal(BroadcastOutcome.Done, (await broadcasts.StartAsync(draft.Id!.Value, "admin:test", CancellationToken.None)).Outcome);
        return draft.Id.Value;
    }
}
