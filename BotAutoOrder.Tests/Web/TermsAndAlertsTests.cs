using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Tests.Web;

/// <summary>SNK proofs end to end, low-stock alerts once per crossing, and owner alerts for errors.</summary>
public abstract class TermsAndAlertsTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    private const string Terms = "Jangan ganti password. Kirim screenshot profil.";

    private static string PhotoUpdate(long userId, string fileId, string? caption) => new JsonObject
    {
        ["update_id"] = Updates.NextId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = Updates.NextId(), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" },
            ["from"] = Updates.User(userId, "Budi"),
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "s", ["width"] = 90, ["height"] = 90, ["file_size"] = 1000 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "b", ["width"] = 800, ["height"] = 800, ["file_size"] = 90000 }),
            ["caption"] = caption,
        },
    }.ToJsonString();

    [Fact]
    public async Task Terms_TextThenReplaceWithPhotoAndText_StoredForwardedReviewedAndBuyerTold()
    {
        var productId = await SeedProductAsync("SNK", "Netflix Sharing", 20_000, items: 2, terms: Terms);
        const long buyer = 60_001;
        var orderId = await BuyWithBalanceAsync(buyer, productId, 20_000);
        var termsMessage = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.TermsMessage, ("product", "Netflix Sharing")), what: "terms after delivery");
        Assert.Contains($"snk:{orderId}:{productId}", termsMessage.CallbackDatas());

        await ClickAsync(buyer, $"snk:{orderId}:{productId}");
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.TermsPrompt), what: "prompt");
        await SendAsync(buyer, "sudah <b>bro</b> & aman");
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.TermsReceived), what: "received");
        var forwarded = await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Bukti SNK") == true, what: "forwarded to admin");
        Assert.Contains("sudah &lt;b&gt;bro&lt;/b&gt; &amp; aman", forwarded.Text);

        await ClickAsync(buyer, $"snk:{orderId}:{productId}"); // a second proof: asked whether to replace
        var ask = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.TermsAskReplace), what: "replace question");
        var proofId = await App.QueryAsync(db => db.TermsProofs.Select(p => p.Id).SingleAsync());
        Assert.Contains($"snkr:{proofId}", ask.CallbackDatas());
        await ClickAsync(buyer, $"snkr:{proofId}");
        await App.PostUpdateAsync(Client, PhotoUpdate(buyer, "PHOTO-1", "ini screenshotnya"));
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Method == "sendPhoto" && c.Str("photo") == "PHOTO-1", what: "photo forwarded by file id");

        var proof = await App.QueryAsync(db => db.TermsProofs.SingleAsync());
        Assert.Equal(TermsProofStatus.Submitted, proof.Status);
        Assert.Equal("PHOTO-1", proof.PhotoFileId); // the largest size
        Assert.Equal("ini screenshotnya", proof.Text);

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<TermsService>().ReviewAsync(proof.Id, false, "Foto <buram>", "admin:a@b.c", CancellationToken.None));
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.TermsRejected, ("note", "Foto <buram>")), what: "buyer told");
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TermsRejected)));
    }

    [Fact]
    public async Task Terms_ForSomeoneElsesOrder_IsAStaleButton()
    {
        var productId = await SeedProductAsync("SNK2", "Spotify Family", 10_000, items: 1, terms: Terms);
        var orderId = await BuyWithBalanceAsync(60_002, productId, 10_000);

        await ClickAsync(60_003, $"snk:{orderId}:{productId}");

        await Bot.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.StaleButton), what: "stale");
        Assert.Equal(0, await App.QueryAsync(db => db.TermsProofs.CountAsync()));
    }

    [Fact]
    public async Task LowStock_CrossingTheThreshold_AlertsOncePerCrossing()
    {
        var productId = await SeedProductAsync("LOW", "Canva", 5_000, items: 4, lowStockThreshold: 2);
        await BuyWithBalanceAsync(60_004, productId, 5_000); // 3 left: above the threshold
        await BuyWithBalanceAsync(60_005, productId, 5_000); // 2 left: crossing

        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Stok menipis") == true, what: "low stock alert");
        await BuyWithBalanceAsync(60_006, productId, 5_000); // 1 left: still below, no second alert
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == BotAutoOrder.Domain.Messaging.OutboxStatus.Pending)) == 0, "outbox drained");
        await EventuallyAsync(() => Task.FromResult(Bot.CallsOf("sendMessage", 60_006).Any(c => c.Shows(BotTextCatalog.DeliveryHeader))), "third delivery");
        Assert.Single(Bot.CallsOf("sendMessage", 9001), c => c.Text!.Contains("Stok menipis"));
        Assert.True(await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.LowStockAlerted).SingleAsync()));
    }

    [Fact]
    public async Task StatusCheck_FiveFailuresInARow_AlertsTheOwner()
    {
        var productId = await SeedProductAsync("STRK", "Streak", 5_000, items: 1);
        const long buyer = 60_010;
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"add:{productId}:1");
        await ClickAsync(buyer, "pay:q");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, what: "QR");
        var order = await LatestOrderAsync(buyer);
        Pakasir.FailNext(503, times: 1000);
        var confirmer = App.GetService<BotAutoOrder.Web.Payments.PaymentConfirmer>();

        for (var i = 0; i < BotAutoOrder.Web.Payments.PaymentConfirmer.StreakAlert; i++)
            Assert.Equal(BotAutoOrder.Domain.Payments.ConfirmationStatus.GatewayUnavailable,
                (await confirmer.ConfirmAsync(order.InvoiceCode, "system:test", CancellationToken.None)).Status);

        await Bot.WaitForAsync(c => c.ChatId == 9100 && c.Text?.Contains("failed 5 times in a row") == true, what: "owner alerted");
    }

    [Fact]
    public async Task ErrorLog_Repeating_ReachesTheOwnerOnce()
    {
        var logger = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BotAutoOrder.Tests.Boom");

        logger.LogError("Gateway exploded for {Order}", "INV-1");
        logger.LogError("Gateway exploded for {Order}", "INV-2");

        var alert = await Bot.WaitForAsync(c => c.ChatId == 9100 && c.Text?.Contains("Gateway exploded") == true, what: "owner alert");
        Assert.Contains("INV-1", alert.Text);
        Assert.DoesNotContain(Bot.Calls, c => c.ChatId == 9001 && c.Text?.Contains("Gateway exploded") == true); // never to sellers
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == BotAutoOrder.Domain.Messaging.OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", 9100), c => c.Text!.Contains("Gateway exploded"));
    }
}

public sealed class TermsAndAlertsPostgresTests() : TermsAndAlertsTests(DatabaseProvider.Postgres);

public sealed class TermsAndAlertsSqliteTests() : TermsAndAlertsTests(DatabaseProvider.Sqlite);

/// <summary>Anti-spam: a scripted burst trips it once; ordinary clicking does not.</summary>
public sealed class AntiSpamTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Shop:SpamMaxActions"] = "8",
        ["Shop:SpamWindowSeconds"] = "60",
    };

    [Fact]
    public async Task Burst_TripsOnceAndAlertsAdminsOnce_OrdinaryUseDoesNot()
    {
        var productId = await SeedProductAsync("SPAM", "Promo", 1_000, items: 20);
        for (var q = 1; q <= 6; q++) await ClickAsync(70_001, $"p:{productId}:{q}"); // pressing ➕ a few times

        Assert.DoesNotContain(Bot.Calls, c => c.ChatId == 70_001 && c.Shows(BotTextCatalog.SpamWarning));

        for (var i = 0; i < 20; i++) await SendAsync(70_002, $"spam {i}");

        var warnings = Bot.Calls.Count(c => c.ChatId == 70_002 && c.Shows(BotTextCatalog.SpamWarning));
        Assert.Equal(1, warnings);
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Spam") == true, what: "admin alerted");
        // Free text is a search (ADR-021): 8 searches answered "no match", the rest ignored.
        Assert.Equal(8, Bot.CallsOf("sendMessage", 70_002).Count(c => c.Shows(BotTextCatalog.SearchNoMatch)));
        await EventuallyAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == BotAutoOrder.Domain.Messaging.OutboxStatus.Pending)) == 0, "outbox drained");
        Assert.Single(Bot.CallsOf("sendMessage", 9001), c => c.Text!.Contains("Spam"));
    }
}
