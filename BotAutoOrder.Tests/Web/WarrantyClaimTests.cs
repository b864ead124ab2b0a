using BotAutoOrder.Domain.Audit;
using System.Net;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Issue 13 item 1 (ADR-020): warranty claims end to end through the real clients — the buyer claims in the bot (Bot API
/// double), the seller decides in /admin/claims, the buyer hears it through the outbox.
/// </summary>
public abstract class WarrantyClaimTests(DatabaseProvider provider) : BuyingDashboardTestBase(provider)
{
    private const long Price = 20_000;

    private static string PhotoUpdate(long userId, string fileId, string? caption) => new JsonObject
    {
        ["update_id"] = Updates.NextId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = Updates.NextId(), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" },
            ["from"] = Updates.User(userId, "Budi"),
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "b", ["width"] = 800, ["height"] = 800, ["file_size"] = 90000 }),
            ["caption"] = caption,
        },
    }.ToJsonString();

    /// <summary>A product with a warranty and <paramref name="items"/> stock lines (item contents carry a hostile prefix).</summary>
    private async Task<long> WarrantyProductAsync(string code, int items, int days = 7, string prefix = "<b>akun</b>&")
    {
        var id = await SeedProductAsync(code, "Netflix " + code, Price, items, itemPrefix: prefix, lowStockThreshold: 0);
        await App.QueryAsync(db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.WarrantyDays, days)));
        return id;
    }

    private long Seq => Bot.Calls.Count == 0 ? 0 : Bot.Calls.Max(c => c.Sequence);

    private Task<BotApiCall> AfterAsync(long seq, Func<BotApiCall, bool> match, string what) =>
        Bot.WaitForAsync(c => c.Sequence > seq && match(c), what: what);

    /// <summary>My orders → the order → claim → the item → reason → screenshot (or skip). Returns the claim id.</summary>
    private async Task<long> ClaimThroughTheBotAsync(long buyer, long orderId, string reason, string? photo, int pick = 0)
    {
        var seq = Seq;
        await ClickAsync(buyer, $"ord:{orderId}");
        var detail = await AfterAsync(seq, c => c.ChatId == buyer && c.CallbackDatas().Contains($"wc:{orderId}"), "order detail with the claim button");
        Assert.Contains(BotTextCatalog.BtnClaim.Render(BotTexts.Indonesian), detail.ButtonTexts());
        seq = Seq;
        await ClickAsync(buyer, $"wc:{orderId}");
        var list = await AfterAsync(seq, c => c.ChatId == buyer && c.CallbackDatas().Any(d => d.StartsWith($"wci:{orderId}:")), "item list");
        seq = Seq;
        await ClickAsync(buyer, list.CallbackDatas().Where(d => d.StartsWith("wci:")).ElementAt(pick));
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimReasonPrompt), "reason prompt");
        seq = Seq;
        await SendAsync(buyer, reason);
        var ask = await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimScreenshotPrompt), "screenshot prompt");
        seq = Seq;
        if (photo is not null) Assert.Equal(HttpStatusCode.OK, (await App.PostUpdateAsync(Client, PhotoUpdate(buyer, photo, null))).StatusCode);
        else await ClickAsync(buyer, ask.CallbackDatas().First(d => d.StartsWith("wcs:")));
        await AfterAsync(seq, c => c.ChatId == buyer
            && (c.Shows(BotTextCatalog.ClaimReceived) || c.Shows(BotTextCatalog.ClaimReceivedAuto)), "claim received");
        return await App.QueryAsync(db => db.WarrantyClaims.Where(c => c.OrderId == orderId).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    private Task<WarrantyClaim> ClaimAsync(long id) => App.QueryAsync(db => db.WarrantyClaims.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<HttpResponseMessage> DecideAsync(DashboardClient admin, long claimId, string handler, string? note = null) =>
        admin.PostFormAsync($"/admin/claims/{claimId}?handler={handler}",
            note is null ? [("Input.Confirmed", "true")] : [("Input.Confirmed", "true"), ("Input.Note", note)]);

    private Task DrainedAsync() => EventuallyAsync(async () =>
        await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, "outbox drained");

    [Fact]
    public async Task Claim_WithScreenshotThenReplaced_BuyerGetsTheFreshItemOnceAndTheOldIsMarkedReplaced()
    {
        var productId = await WarrantyProductAsync("GAR1", items: 3);
        const long buyer = 70_001;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price);
        var soldItem = await App.QueryAsync(db => db.StockItems.Where(s => s.OrderId == orderId).Select(s => s.Id).SingleAsync());

        var seqBefore = Seq;
        var claimId = await ClaimThroughTheBotAsync(buyer, orderId, "Password salah <script>x</script>", "PHOTO-CLAIM-1");

        var claim = await ClaimAsync(claimId);
        Assert.Equal(WarrantyClaimStatus.Open, claim.Status);
        Assert.Equal(soldItem, claim.StockItemId);
        Assert.Equal("PHOTO-CLAIM-1", claim.PhotoFileId);
        var notice = await AfterAsync(seqBefore, c => c.ChatId == 9001 && c.Text?.Contains($"Klaim garansi</b> #{claimId}") == true, "admin notice");
        Assert.Contains("Password salah &lt;script&gt;x&lt;/script&gt;", notice.Text);
        Assert.Equal((int)OutboxLane.Notice, await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKinds.ClaimOpenedAdmin).Select(m => m.Lane).FirstAsync()));

        var admin = await OwnerAsync();
        var queue = await admin.GetPageAsync("/admin/claims");
        Assert.Contains($"href=\"/admin/claims/{claimId}\"", queue);
        Assert.Contains("Password salah &lt;script&gt;x&lt;/script&gt;", queue);
        var detail = await admin.GetPageAsync($"/admin/claims/{claimId}");
        Assert.Contains($"src=\"/admin/claims/{claimId}/photo\"", detail);
        Assert.DoesNotContain("rahasia1", detail); // the item is masked
        Assert.DoesNotContain("<script>x", detail);
        Bot.Files["photos/file_1.jpg"] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
        using (var photo = await admin.GetAsync($"/admin/claims/{claimId}/photo"))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("PHOTO-CLAIM-1", Bot.CallsOf("getFile").Last().Str("file_id"));
        using (var anonymous = await NewAnonymous().GetAsync($"/admin/claims/{claimId}"))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        using (var noToken = await admin.PostWithoutTokenAsync($"/admin/claims/{claimId}?handler=Replace", ("Input.Confirmed", "true")))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(WarrantyClaimStatus.Open, (await ClaimAsync(claimId)).Status);

        var seq = Seq;
        var page = await admin.FollowAsync(await DecideAsync(admin, claimId, "Replace"));
        Assert.Contains("Diganti: item baru sedang dikirim ke pembeli.", page);
        using (var again = await DecideAsync(admin, claimId, "Replace")) // a double click
            Assert.Contains("sudah diputuskan", await admin.FollowAsync(again));

        claim = await ClaimAsync(claimId);
        Assert.Equal(WarrantyClaimStatus.Replaced, claim.Status);
        Assert.Equal(OwnerActor, claim.ResolvedBy);
        var items = await App.QueryAsync(db => db.StockItems.Where(s => s.ProductId == productId).OrderBy(s => s.Id).Select(s => new { s.Id, s.Status, s.OrderId }).ToListAsync());
        Assert.Equal(StockItemStatus.Replaced, items.Single(i => i.Id == soldItem).Status);
        var fresh = items.Single(i => i.Id == claim.ReplacementStockItemId);
        Assert.Equal(StockItemStatus.Sold, fresh.Status);
        Assert.Equal(orderId, fresh.OrderId);
        Assert.Single(items, i => i.Status == StockItemStatus.Available); // exactly one taken, one left
        var sent = await AfterAsync(seq, c => c.ChatId == buyer && c.Text?.Contains($"Garansi #{claimId}") == true, "replacement delivered");
        var content = (await App.StockContentsAsync(s => s.Id == fresh.Id)).Single();
        Assert.Contains("<pre>" + content.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") + "</pre>", sent.Text);
        Assert.Equal((int)OutboxLane.Delivery, await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKinds.ClaimReplaced).Select(m => m.Lane).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ClaimReplaced && a.Actor == OwnerActor)));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ClaimOpened && a.Actor == "buyer:" + buyer)));
        await DrainedAsync();
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Text!.Contains($"Garansi #{claimId}"));

        // "Resend my items" now sends the fresh item, not the broken one.
        seq = Seq;
        await ClickAsync(buyer, $"rs:{orderId}");
        var resent = await AfterAsync(seq, c => c.ChatId == buyer && c.Text?.Contains("<pre>") == true, "resent delivery");
        Assert.DoesNotContain("-GAR1-1:", resent.Text);
        Assert.Contains("-GAR1-2:", resent.Text);
    }

    [Fact]
    public async Task Refund_ClickedFiveTimesAtOnce_CreditsTheItemShareOnce()
    {
        var productId = await WarrantyProductAsync("GAR2", items: 3);
        const long buyer = 70_011;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price, quantity: 2);
        var claimId = await ClaimThroughTheBotAsync(buyer, orderId, "Akun mati", photo: null);
        var admin = await OwnerAsync();
        var balanceBefore = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Balance).SingleAsync());

        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DecideAsync(admin, claimId, "Refund", "maaf ya")));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        var claim = await ClaimAsync(claimId);
        Assert.Equal(WarrantyClaimStatus.Refunded, claim.Status);
        Assert.Equal(Price, claim.RefundAmount); // one of two units at 20.000, no discount
        Assert.Equal(1, await App.QueryAsync(db => db.BalanceEntries.CountAsync(e => e.Kind == BalanceEntryKind.Refund && e.Reference == $"claim:{claimId}")));
        var balanceAfter = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Balance).SingleAsync());
        Assert.Equal(balanceBefore + Price, balanceAfter);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ClaimRefunded)));
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync(buyer)).Status); // the other unit stays sold
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimRefundedMessage, ("claim", claimId)),
            what: "refund message");
        await DrainedAsync();
        Assert.Single(Bot.CallsOf("sendMessage", buyer), c => c.Shows(BotTextCatalog.ClaimRefundedMessage));

        // The refunded item cannot be claimed again.
        var seq = Seq;
        await ClickAsync(buyer, $"wci:{orderId}:{claim.StockItemId}");
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimAlreadySettled), "already settled");
    }

    [Fact]
    public async Task OrderRefund_AfterAClaimRefund_CreditsOnlyTheRestAndClosesTheOpenClaim()
    {
        var productId = await WarrantyProductAsync("GAR8", items: 3);
        const long buyer = 70_081;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price, quantity: 2);
        var refunded = await ClaimThroughTheBotAsync(buyer, orderId, "Akun mati", photo: null);
        var admin = await OwnerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, refunded, "Refund", "maaf ya")).StatusCode);
        var open = await ClaimThroughTheBotAsync(buyer, orderId, "Yang kedua juga mati", photo: null, pick: 1);
        var balanceBefore = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Balance).SingleAsync());

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<OrderAdminService>()
                .RefundToBalanceAsync(orderId, "refund penuh", "admin:test", CancellationToken.None);
            Assert.Equal(OrderAdminOutcome.Done, result.Outcome);
        }

        var balanceAfter = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Balance).SingleAsync());
        Assert.Equal(balanceBefore + Price, balanceAfter); // paid 2 × Price; one Price already came back through the claim
        Assert.Equal(WarrantyClaimStatus.Cancelled, (await ClaimAsync(open)).Status);
        Assert.Equal(OrderStatus.Refunded, (await LatestOrderAsync(buyer)).Status);
        using var late = await DecideAsync(admin, open, "Refund", "terlambat"); // the claim is closed: nothing more
        Assert.Equal(1, await App.QueryAsync(db => db.BalanceEntries.CountAsync(e => e.Kind == BalanceEntryKind.Refund && e.Reference.StartsWith("claim:"))));
    }

    [Fact]
    public async Task ClaimReject_WithoutThenWithANote_RefusedThenClosedAndTheBuyerToldEscaped()
    {
        var productId = await WarrantyProductAsync("GAR3", items: 2);
        const long buyer = 70_021;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price);
        var claimId = await ClaimThroughTheBotAsync(buyer, orderId, "Tidak bisa login", photo: null);
        var admin = await OwnerAsync();

        using (var noNote = await DecideAsync(admin, claimId, "Reject", "  "))
        {
            Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
            Assert.Contains("Catatan wajib diisi untuk menolak klaim.", await noNote.Content.ReadAsStringAsync());
        }
        Assert.Equal(WarrantyClaimStatus.Open, (await ClaimAsync(claimId)).Status);

        var page = await admin.FollowAsync(await DecideAsync(admin, claimId, "Reject", "Password <b>diganti</b> pembeli & bukan kami"));

        Assert.Contains("Klaim ditolak; pembeli sudah diberi tahu.", page);
        var claim = await ClaimAsync(claimId);
        Assert.Equal(WarrantyClaimStatus.Rejected, claim.Status);
        Assert.Equal(OwnerActor, claim.ResolvedBy);
        var told = await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimRejectedMessage),
            what: "rejection to the buyer");
        Assert.Contains("Password &lt;b&gt;diganti&lt;/b&gt; pembeli &amp; bukan kami", told.Text);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ClaimRejected && a.Actor == OwnerActor)));
        Assert.Equal(0, await App.QueryAsync(db => db.BalanceEntries.CountAsync(e => e.Kind == BalanceEntryKind.Refund)));
        Assert.Equal(StockItemStatus.Sold, await App.QueryAsync(db => db.StockItems.Where(s => s.Id == claim.StockItemId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Claim_AfterTheWindow_IsRefusedPolitelyAndStoresNothing()
    {
        var productId = await WarrantyProductAsync("GAR4", items: 2, days: 7);
        const long buyer = 70_031;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price);
        var item = await App.QueryAsync(db => db.StockItems.Where(s => s.OrderId == orderId).Select(s => s.Id).SingleAsync());
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidAtUtc, DateTime.UtcNow.AddDays(-7).AddMinutes(-1))));

        var seq = Seq;
        await ClickAsync(buyer, $"wc:{orderId}");
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimWindowClosed), "window closed");
        seq = Seq;
        await ClickAsync(buyer, $"wci:{orderId}:{item}"); // an old item button from inside the window
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimWindowClosed), "window closed for the item");

        Assert.Equal(0, await App.QueryAsync(db => db.WarrantyClaims.CountAsync()));
        await App.QueryAsync(db => db.Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidAtUtc, DateTime.UtcNow.AddDays(-7).AddMinutes(1))));
        seq = Seq;
        await ClickAsync(buyer, $"wci:{orderId}:{item}");
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimReasonPrompt), "inside the window the claim starts");
    }

    [Fact]
    public async Task SecondOpenClaim_OnTheSameItem_IsRefusedByTheBotAndByTheDatabase()
    {
        var productId = await WarrantyProductAsync("GAR5", items: 2);
        const long buyer = 70_041;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price);
        var claimId = await ClaimThroughTheBotAsync(buyer, orderId, "Mati", photo: null);
        var item = (await ClaimAsync(claimId)).StockItemId;

        var seq = Seq;
        await ClickAsync(buyer, $"wci:{orderId}:{item}");
        await AfterAsync(seq, c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimAlreadyOpen), "already open");
        Assert.Equal(1, await App.QueryAsync(db => db.WarrantyClaims.CountAsync()));

        var customerId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == buyer).Select(c => c.Id).SingleAsync());
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => App.QueryAsync(async db =>
        {
            db.WarrantyClaims.Add(new WarrantyClaim(orderId, productId, item, customerId, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        }));
        Assert.True(BotAutoOrder.Domain.Data.DbErrors.IsUniqueViolation(refused), refused.InnerException?.Message);

        // Stale and forged claim buttons get the polite stale answer.
        foreach (var data in new[] { "wcs:999999", "wcx:999999", $"wci:{orderId}:999999", "wc:999999", "wci:x:y" })
        {
            seq = Seq;
            await ClickAsync(buyer, data);
            await AfterAsync(seq, c => c.Method == "answerCallbackQuery" && c.Str("text").Shows(BotTextCatalog.StaleButton),
                "stale answer to " + data);
        }
    }

    [Fact]
    public async Task Replace_WhenStockIsShort_LeavesTheClaimOpenSaysSoAndAlertsLowStock()
    {
        var productId = await WarrantyProductAsync("GAR6", items: 1);
        const long buyer = 70_051;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price);
        var claimId = await ClaimThroughTheBotAsync(buyer, orderId, "Mati", photo: null);
        var admin = await OwnerAsync();
        await EventuallyAsync(() => App.QueryAsync(db => db.Products.AnyAsync(p => p.Id == productId && p.LowStockAlerted)), "the worker's own alert at 0");
        var alertsBefore = await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.LowStockAdmin));

        var page = await admin.FollowAsync(await DecideAsync(admin, claimId, "Replace"));

        Assert.Contains("Stok produk ini habis: klaim tetap terbuka", page);
        var claim = await ClaimAsync(claimId);
        Assert.Equal(WarrantyClaimStatus.Open, claim.Status);
        Assert.Null(claim.ReplacementStockItemId);
        Assert.Equal(StockItemStatus.Sold, await App.QueryAsync(db => db.StockItems.Where(s => s.Id == claim.StockItemId).Select(s => s.Status).SingleAsync()));
        Assert.Equal(alertsBefore + 1, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.LowStockAdmin)));
        await Bot.WaitForAsync(c => c.ChatId == 9001 && c.Text?.Contains("Stok menipis") == true && c.Text.Contains("Netflix GAR6"), what: "low-stock alert");

        // Stock arrives: the same claim can now be replaced.
        await App.QueryAsync(async db =>
        {
            db.StockItems.Add(new StockItem(productId, App.GetService<StockCipher>().Seal("restock-GAR6"), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await admin.FollowAsync(await DecideAsync(admin, claimId, "Replace"));
        Assert.Equal(WarrantyClaimStatus.Replaced, (await ClaimAsync(claimId)).Status);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("restock-GAR6") == true, what: "replacement after restock");
    }

    [Fact]
    public async Task AutoReplace_ReplacesAtOnceUpToTheCapPerBuyer_ThenTheClaimWaitsForASeller()
    {
        var admin = await OwnerAsync();
        Assert.Contains("Input.ClaimsAutoReplace", await admin.GetPageAsync("/admin/settings"));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with
                { ClaimsAutoReplace = true, ClaimsAutoReplaceMax = 1, ClaimsAutoReplaceDays = 30 }, OwnerActor, CancellationToken.None);
        }
        var productId = await WarrantyProductAsync("GAR7", items: 6);
        const long buyer = 70_061;
        var orderId = await BuyWithBalanceAsync(buyer, productId, Price, quantity: 2);

        var first = await ClaimThroughTheBotAsync(buyer, orderId, "Mati satu", photo: null);
        Assert.Equal(WarrantyClaimStatus.Replaced, (await ClaimAsync(first)).Status);
        Assert.True((await ClaimAsync(first)).AutoResolved);
        Assert.Equal(ClaimResolutionService.AutoActor, (await ClaimAsync(first)).ResolvedBy);
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.ClaimReceivedAuto), what: "told: replaced at once");
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains($"Garansi #{first}") == true, what: "automatic replacement delivered");

        // The cap (1 per 30 days) is used up: the second claim waits for a seller.
        var second = await ClaimThroughTheBotAsync(buyer, orderId, "Mati dua", photo: null);
        Assert.Equal(WarrantyClaimStatus.Open, (await ClaimAsync(second)).Status);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ClaimReplaced && a.Actor == ClaimResolutionService.AutoActor)));

        // Outside the period the cap frees up again.
        await App.QueryAsync(db => db.WarrantyClaims.Where(c => c.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAtUtc, DateTime.UtcNow.AddDays(-31))));
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimResolutionService>().TryAutoReplaceAsync(second, CancellationToken.None)).Succeeded);
        Assert.Equal(WarrantyClaimStatus.Replaced, (await ClaimAsync(second)).Status);
    }

    /// <summary>
    /// Invariant 1 under a race: a seller's replacement and another buyer's balance purchase go for the last item at the
    /// same moment — on PostgreSQL through two app instances on one database. One wins; the item belongs to one order
    /// and reaches one chat.
    /// </summary>
    [Fact]
    public async Task Replacement_RacingAPurchaseForTheLastItem_OneWinsAndNobodyGetsTheItemTwice()
    {
        await using var second = Provider == DatabaseProvider.Postgres ? new ShopApp(App.Database, Bot, Settings) : null;
        var buyerClient = second?.Start() ?? Client;
        var buyerApp = second ?? App;
        var admin = await OwnerAsync();
        var outcomes = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var productId = await WarrantyProductAsync($"RACE{round}", items: 2, prefix: $"race{round}");
            long claimant = 70_100 + round * 2, rival = 70_101 + round * 2;
            var orderId = await BuyWithBalanceAsync(claimant, productId, Price);
            // The claimant claims what arrived (a delivery still queued would render the order's items as they are then).
            await Bot.WaitForAsync(c => c.ChatId == claimant && c.Text?.Contains($"RACE{round}-1") == true, what: "claimant's delivery");
            var claimId = await ClaimThroughTheBotAsync(claimant, orderId, "Mati", photo: null);
            await SendAsync(rival, "/start");
            var rivalId = await App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == rival).Select(c => c.Id).SingleAsync());
            await using (var scope = App.Services.CreateAsyncScope())
                Assert.True((await scope.ServiceProvider.GetRequiredService<BalanceService>().AdjustByAdminAsync(rivalId, Price, "test", "admin:test", CancellationToken.None)).Succeeded);
            await ClickAsync(rival, $"add:{productId}:1");
            var lastItem = await App.QueryAsync(db => db.StockItems.Where(s => s.ProductId == productId && s.Status == StockItemStatus.Available).Select(s => s.Id).SingleAsync());

            await Task.WhenAll(
                DecideAsync(admin, claimId, "Replace"),
                buyerApp.PostUpdateAsync(buyerClient, Updates.Callback(rival, "pay:b")));

            var item = await App.QueryAsync(db => db.StockItems.AsNoTracking().SingleAsync(s => s.Id == lastItem));
            var claim = await ClaimAsync(claimId);
            var rivalPaid = await App.QueryAsync(db => db.Orders.Where(o => o.CustomerId == rivalId && o.Status == OrderStatus.Paid).Select(o => o.Id).ToListAsync());
            var replaced = claim.Status == WarrantyClaimStatus.Replaced;
            Assert.True(replaced ^ (rivalPaid.Count == 1), $"round {round}: replaced={replaced}, rival paid orders={rivalPaid.Count}");
            Assert.Equal(StockItemStatus.Sold, item.Status);
            Assert.Equal(replaced ? orderId : rivalPaid.Single(), item.OrderId);
            if (replaced) Assert.Equal(lastItem, claim.ReplacementStockItemId);
            else Assert.Equal(WarrantyClaimStatus.Open, claim.Status);
            Assert.Equal(0, await App.QueryAsync(db => db.StockItems.CountAsync(s => s.ProductId == productId && s.Status != StockItemStatus.Sold && s.Status != StockItemStatus.Replaced)));
            await DrainedAsync();
            var content = $"race{round}-RACE{round}-2";
            var calls = Bot.CallsOf("sendMessage").Where(c => c.Text?.Contains(content) == true).ToList();
            Assert.True(calls.Count == 1 && calls[0].ChatId == (replaced ? claimant : rival),
                $"round {round}, replaced={replaced}: " + string.Join(" | ", calls.Select(c => $"{c.ChatId}: {c.Text}")));
            outcomes.Add(replaced ? "replacement" : "purchase");
        }
        Assert.Equal(3, outcomes.Count);
    }

    [Fact]
    public async Task ProductForm_SavesTheWarranty_AndTheBotCardShowsIt()
    {
        var productId = await WarrantyProductAsync("GAR8", items: 2, days: 0);
        var admin = await OwnerAsync();
        var form = await admin.GetPageAsync($"/admin/products/edit/{productId}");
        Assert.Contains("Input.WarrantyDays", form);
        var categoryId = await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.CategoryId).SingleAsync());
        using var saved = await admin.PostFormAsync($"/admin/products/edit/{productId}",
            ("Input.Name", "Netflix GAR8"), ("Input.CategoryId", categoryId.ToString()), ("Input.Price", "20000"),
            ("Input.WarrantyDays", "14"), ("Input.IsActive", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(14, await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.WarrantyDays).SingleAsync()));
        Assert.Contains("\"WarrantyDays\":14", await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ProductUpdated).Select(a => a.Details).SingleAsync()));
        using var bad = await admin.PostFormAsync($"/admin/products/edit/{productId}",
            ("Input.Name", "Netflix GAR8"), ("Input.CategoryId", categoryId.ToString()), ("Input.Price", "20000"), ("Input.WarrantyDays", "-1"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(14, await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.WarrantyDays).SingleAsync()));

        const long buyer = 70_081;
        await SendAsync(buyer, "/start");
        var seq = Seq;
        await ClickAsync(buyer, $"p:{productId}:1");
        await AfterAsync(seq, c => c.ChatId == buyer && c.Text?.Contains("🛡️ Garansi 14 hari") == true, "warranty on the product card");
    }

    private HttpClient NewAnonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
}

public sealed class WarrantyClaimPostgresTests() : WarrantyClaimTests(DatabaseProvider.Postgres);

public sealed class WarrantyClaimSqliteTests() : WarrantyClaimTests(DatabaseProvider.Sqlite);
