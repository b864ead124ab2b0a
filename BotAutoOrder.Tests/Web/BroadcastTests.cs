using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using TelegramLimits = BotAutoOrder.Tests.Support.TelegramLimits;  // the test double, not Domain.Messaging.TelegramLimits

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Broadcasts from the dashboard to many buyers against a Bot API double that enforces Telegram's limits (429 above 30
/// sends per sliding second, 403 for 5% of chats), including a restart halfway, a cancel, validation and audiences.
/// </summary>
public abstract partial class BroadcastTests(DatabaseProvider provider, int buyers, ITestOutputHelper output) : DashboardTestBase(provider)
{
    private const long FirstChat = 7_000_000;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        // 28/s: at exactly 30/s network jitter alone pushes some sliding seconds over 30 and every 429 costs a 1 s pause.
        new Dictionary<string, string?>(base.Settings) { ["Shop:SendRatePerSecond"] = "28" };

    private static bool IsBlocked(long chatId) => chatId % 20 == 0;

    [Fact]
    public async Task Broadcast_ToManyBuyersWithRestartHalfway_ReachesEachReachableBuyerOnceWithinTheRate()
    {
        var limits = new TelegramLimits(IsBlocked);
        Bot.Responder = limits.Respond;
        await SeedBuyersAsync(buyers);
        var reachable = Enumerable.Range(0, buyers).Select(i => FirstChat + i).Where(c => !IsBlocked(c)).ToHashSet();
        const string marker = "Promo besar";
        var owner = await EnglishOwnerAsync();

        var clock = Stopwatch.StartNew();
        var id = await CreateDraftAsync(owner, $"<b>{marker}</b> hari ini &amp; besok 🎉");
        await SendAsync(owner, id);
        await PollAsync(() => Task.FromResult(limits.Delivered(marker) >= reachable.Count / 2), 120, "half of the buyers reached");
        var killedAt = DateTimeOffset.UtcNow;
        var deliveredBeforeKill = limits.Delivered(marker);
        await App.DisposeAsync(); // the process goes away halfway

        await using var restarted = new ShopApp(App.Database, Bot, Settings);
        var client = restarted.Start();
        await PollAsync(async () => await restarted.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == id && b.Status == BroadcastStatus.Completed)),
            150, "broadcast completed after the restart");
        var elapsed = clock.Elapsed;

        var log = limits.Log.Where(r => r.Text?.Contains(marker, StringComparison.Ordinal) == true).ToList();
        var ok = log.Where(r => r.Status == 200).ToList();
        var perChat = ok.GroupBy(r => r.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perChat.Values.All(n => n == 1), "duplicates: " + string.Join(", ", perChat.Where(kv => kv.Value > 1).Select(kv => $"{kv.Key}×{kv.Value}")));
        Assert.Equal(reachable.Order(), perChat.Keys.Order());
        var maxOk = TelegramLimits.MaxInAnySecond(ok.Select(r => r.At));
        var maxAll = TelegramLimits.MaxInAnySecond(log.Select(r => r.At));
        Assert.True(maxOk <= TelegramLimits.PerSecond, $"{maxOk} successful sends within one second");
        var tooMany = log.Where(r => r.Status == 429).ToList();
        // Several sends are in flight at once (ADR-008): calls already on the wire when Telegram answered 429 may still
        // arrive just after it; once the answer is back (a short grace), nothing may go out until retry_after has passed.
        var inFlightGrace = TimeSpan.FromMilliseconds(250);
        foreach (var limited in tooMany.Where(r => r.At < killedAt.AddSeconds(-2) || r.At > killedAt))
        {
            var early = log.FirstOrDefault(r => r.At > limited.At + inFlightGrace && r.At - limited.At < TimeSpan.FromSeconds(0.95));
            Assert.True(early is null, $"sent {(early?.At - limited.At)?.TotalMilliseconds} ms after a 429 retry_after 1");
        }
        Assert.True(tooMany.Count <= buyers / 20, $"{tooMany.Count} answers 429: the app does not keep under the limit");

        var recipients = await restarted.QueryAsync(db => db.BroadcastRecipients.Where(r => r.BroadcastId == id)
            .Select(r => new { r.ChatId, r.Status }).ToListAsync());
        Assert.Equal(buyers, recipients.Count);
        Assert.All(recipients, r => Assert.Equal(IsBlocked(r.ChatId) ? BroadcastRecipientStatus.Blocked : BroadcastRecipientStatus.Sent, r.Status));
        var unreachable = await restarted.QueryAsync(db => db.Customers.Where(c => c.IsUnreachable).Select(c => c.TelegramUserId).ToListAsync());
        Assert.Equal(Enumerable.Range(0, buyers).Select(i => FirstChat + i).Where(IsBlocked).Order(), unreachable.Order());
        Assert.Equal(0, await restarted.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));

        using var dashboard = new DashboardClient(client.BaseAddress!);
        using (var signIn = await dashboard.SignInAsync(OwnerEmail, OwnerPassword)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await dashboard.GetPageAsync($"/admin/broadcasts/{id}?culture=en");
        Assert.Equal(buyers, Count(page, "total"));
        Assert.Equal(reachable.Count, Count(page, "sent"));
        Assert.Equal(buyers - reachable.Count, Count(page, "blocked"));
        Assert.Equal(0, Count(page, "failed"));
        Assert.Equal(0, Count(page, "remaining"));
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
        var history = await dashboard.GetPageAsync("/admin/broadcasts");
        Assert.Matches($@"<td class=""num"">{buyers}</td>\s*<td class=""num"">{reachable.Count}</td>\s*<td class=""num"">{buyers - reachable.Count}</td>", history);
        var completed = await restarted.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BroadcastCompleted && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        Assert.True(completed);

        output.WriteLine($"{Provider}: {buyers} buyers ({reachable.Count} reachable) in {elapsed.TotalSeconds:F1} s; restart after {deliveredBeforeKill} deliveries; " +
                         $"max {maxOk} successful / {maxAll} attempted sends in any second; {tooMany.Count} answers 429; " +
                         $"average {ok.Count / (ok.Max(r => r.At) - ok.Min(r => r.At)).TotalSeconds:F1} deliveries/s");
    }

    [Fact]
    public async Task Cancel_Midway_StopsSendingAndCountsAddUp()
    {
        var limits = new TelegramLimits(IsBlocked);
        Bot.Responder = limits.Respond;
        await SeedBuyersAsync(300);
        const string marker = "Batal nanti";
        var owner = await EnglishOwnerAsync();
        var id = await CreateDraftAsync(owner, marker);
        await SendAsync(owner, id);
        await PollAsync(() => Task.FromResult(limits.Delivered(marker) >= 40), 30, "first deliveries");

        var page = await owner.FollowAsync(await owner.PostFormAsync($"/admin/broadcasts/{id}?handler=Cancel", [], $"/admin/broadcasts/{id}"));
        var atCancel = limits.Delivered(marker);
        Assert.Contains("Broadcast cancelled.", page);
        // What the sender had already taken before the cancel may still go out; a later message proves it moved on.
        await DeliverMarkerAsync("after-cancel-1");
        var settled = limits.Delivered(marker);
        await DeliverMarkerAsync("after-cancel-2");
        Assert.Equal(settled, limits.Delivered(marker)); // nothing more once settled
        Assert.True(settled - atCancel <= 100, $"{settled - atCancel} sent after the cancel (the sender's batch is 100)");
        Assert.True(settled < 300 - 15, "the cancel came too late to prove anything");

        // The double records a call before the worker writes its outcome: wait for the outbox to settle.
        await PollAsync(async () => await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0, 15, "outbox settled");
        BroadcastProgress? progress;
        await using (var scope = App.Services.CreateAsyncScope())
            progress = await scope.ServiceProvider.GetRequiredService<BroadcastService>().ProgressAsync(id, default);
        Assert.NotNull(progress);
        Assert.Equal(BroadcastStatus.Cancelled, progress.Status);
        Assert.Equal(300, progress.Total);
        Assert.Equal(0, progress.Remaining);
        Assert.Equal(progress.Total, progress.Sent + progress.Blocked + progress.Failed + progress.Cancelled);
        Assert.True(progress.Cancelled > 0);
        Assert.InRange(settled, progress.Sent, progress.Sent + 100); // late ones were delivered but stay counted as cancelled
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));
        Assert.Equal(progress.Cancelled, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.LastError == BroadcastService.CancelledError)));
        var details = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        Assert.Equal(progress.Cancelled, Count(details, "cancelled"));
        Assert.Equal(progress.Sent, Count(details, "sent"));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BroadcastCancelled && a.Actor == "admin:" + OwnerEmail)));
        using var again = await owner.PostFormAsync($"/admin/broadcasts/{id}?handler=Send", [new("Confirm", "true")], $"/admin/broadcasts/{id}");
        Assert.Contains("cannot do that", await owner.FollowAsync(again)); // a cancelled broadcast does not start again
    }

    [Fact]
    public async Task Compose_RefusesForbiddenOrUnbalancedHtmlAndBadPhotos_AcceptsTelegramTags()
    {
        var owner = await EnglishOwnerAsync();

        var script = await PostComposeAsync(owner, "Halo <script>alert(1)</script>");
        Assert.Contains("Telegram does not allow the tag &lt;script&gt;", script);
        Assert.DoesNotContain("<script>alert", script);
        Assert.Contains("is not closed", await PostComposeAsync(owner, "Diskon <b>50%"));
        Assert.Contains("does not match an open tag", await PostComposeAsync(owner, "<b>tebal <i>miring</b></i>"));
        Assert.Contains("as &amp;lt;", await PostComposeAsync(owner, "harga < 5000"));
        Assert.Contains("too long", await PostComposeAsync(owner, new string('x', 4097)));

        using var preview = await owner.PostFormAsync("/admin/broadcasts/new?handler=Preview", [new("Input.Html", "<u>ok</u> <img src=x onerror=alert(1)>")], "/admin/broadcasts/new");
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<u>ok</u> &lt;img src=x onerror=alert(1)&gt;", previewHtml);
        Assert.Contains("Telegram does not allow the tag &lt;img&gt;", previewHtml);

        var big = new byte[BotAutoOrder.Domain.Messaging.TelegramLimits.PhotoBytes + 1];
        Png.CopyTo(big, 0);
        Assert.Contains("larger than 10 MB", await PostPhotoAsync(owner, "Foto", big));
        Assert.Contains("JPEG or PNG", await PostPhotoAsync(owner, "Foto", "not an image at all"u8.ToArray()));
        Assert.Contains("at most 1024", await PostPhotoAsync(owner, new string('y', 1025), Png));
        Assert.Equal(0, await App.QueryAsync(db => db.Broadcasts.CountAsync()));

        const string valid = "<b>Promo</b> <i>hari</i> <u>ini</u> <s>lama</s> <a href=\"https://toko.example/p?a=1&amp;b=2\">klik</a>\n" +
                             "<tg-spoiler>rahasia</tg-spoiler> <span class=\"tg-spoiler\">juga</span> <code>KODE50</code> " +
                             "<pre><code class=\"language-text\">blok</code></pre> <blockquote>kutip</blockquote> 5 &lt; 6 &#127881;";
        var id = await CreateDraftAsync(owner, valid);
        var details = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        Assert.Contains("<b>Promo</b>", details);
        Assert.Contains("<a href=\"https://toko.example/p?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\"", details);
        Assert.Contains("I checked the preview: send this to 0 buyers now.", details);
        Assert.Equal(valid, await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.HtmlText).SingleAsync()));
        var withPhoto = await CreateDraftAsync(owner, "<b>Foto</b> baru", Png);
        Assert.Equal(Png, await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == withPhoto).Select(b => b.Photo).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BroadcastCreated && a.Actor == "admin:" + OwnerEmail)));

        using var unconfirmed = await owner.PostFormAsync($"/admin/broadcasts/{id}?handler=Send", [], $"/admin/broadcasts/{id}");
        Assert.Contains("Tick the confirmation box", await owner.FollowAsync(unconfirmed));
        Assert.Equal(BroadcastStatus.Draft, await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Purchasers_ReachOnlyBuyersWithAPaidOrder_WithThePhoto()
    {
        var seed = new DashboardSeed(App);
        var product = await seed.ProductAsync("P1");
        var paid = await seed.CustomerAsync(51, "Paid");
        var expired = await seed.CustomerAsync(52, "Expired");
        await seed.CustomerAsync(53, "Nothing");
        var paidButGone = await seed.CustomerAsync(54, "Gone");
        var refundedOnly = await seed.CustomerAsync(55, "Refunded");
        await seed.OrderAsync(paid, product, 1, OrderStatus.Paid, "INV-1");
        await seed.OrderAsync(expired, product, 1, OrderStatus.Expired, "INV-2");
        await seed.OrderAsync(paidButGone, product, 1, OrderStatus.Paid, "INV-3");
        await seed.OrderAsync(refundedOnly, product, 1, OrderStatus.Refunded, "INV-4");
        await App.QueryAsync(db => db.Customers.Where(c => c.Id == paidButGone.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsUnreachable, true)));
        var owner = await EnglishOwnerAsync();

        var id = await CreateDraftAsync(owner, "<b>Terima kasih</b> sudah belanja", Png, BroadcastAudience.Purchasers);
        var draftPage = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        Assert.Contains("send this to 1 buyers now", draftPage);
        Assert.Contains("Estimated duration: 0:01 at 28 messages per second.", draftPage);
        await SendAsync(owner, id);
        await PollAsync(async () => await App.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == id && b.Status == BroadcastStatus.Completed)), 30, "completed");

        var photo = Assert.Single(Bot.CallsOf("sendPhoto"));
        Assert.Equal(51, photo.ChatId);
        Assert.Equal("<b>Terima kasih</b> sudah belanja", photo.Str("caption"));
        Assert.Equal(Png, photo.FileOf("photo"));
        Assert.DoesNotContain(Bot.Calls, c => c.ChatId is 52 or 53 or 54 or 55);
        var recipient = Assert.Single(await App.QueryAsync(db => db.BroadcastRecipients.Where(r => r.BroadcastId == id).ToListAsync()));
        Assert.Equal((paid.Id, BroadcastRecipientStatus.Sent), (recipient.CustomerId, recipient.Status));
        Assert.Equal(1, await App.QueryAsync(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.TotalRecipients).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.DeduplicationKey == $"bc:{id}:{paid.Id}")));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private async Task<DashboardClient> EnglishOwnerAsync()
    {
        var owner = await OwnerAsync();
        await owner.GetPageAsync("/admin?culture=en");
        return owner;
    }

    private async Task SeedBuyersAsync(int count) =>
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Customers.AddRange(Enumerable.Range(0, count).Select(i => new Customer(FirstChat + i, $"Buyer{i}", null, null, "id", now)));
            return await db.SaveChangesAsync();
        });

    private static async Task<string> PostComposeAsync(DashboardClient owner, string html)
    {
        using var response = await owner.PostFormAsync("/admin/broadcasts/new", [new("Input.Html", html), new("Input.Audience", "AllReachable")], "/admin/broadcasts/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the reason
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostPhotoAsync(DashboardClient owner, string html, byte[] photo)
    {
        using var response = await owner.PostFileAsync("/admin/broadcasts/new", "Input.Photo", "promo.png", photo,
            [("Input.Html", html), ("Input.Audience", "AllReachable")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<long> CreateDraftAsync(DashboardClient owner, string html, byte[]? photo = null,
        BroadcastAudience audience = BroadcastAudience.AllReachable)
    {
        (string, string)[] fields = [("Input.Html", html), ("Input.Audience", audience.ToString())];
        using var response = photo is null
            ? await owner.PostFormAsync("/admin/broadcasts/new", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), "/admin/broadcasts/new")
            : await owner.PostFileAsync("/admin/broadcasts/new", "Input.Photo", "promo.png", photo, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"draft not saved: {(int)response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
        var location = response.Headers.Location!.ToString();
        return long.Parse(DraftId().Match(location).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task SendAsync(DashboardClient owner, long id)
    {
        using var response = await owner.PostFormAsync($"/admin/broadcasts/{id}?handler=Send", [new("Confirm", "true")], $"/admin/broadcasts/{id}");
        var page = await owner.FollowAsync(response);
        Assert.Contains("Sending started.", page);
    }

    private async Task DeliverMarkerAsync(string text)
    {
        await App.QueryAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(1, OutboxKinds.Text, JsonSerializer.Serialize(new TextPayload(text)), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await Bot.WaitForAsync(c => c.ChatId == 1 && c.Text == text, TimeSpan.FromSeconds(30), text);
    }

    private static int Count(string page, string name)
    {
        var match = Regex.Match(page, $"data-count=\"{name}\">(\\d+)<");
        Assert.True(match.Success, $"no {name} count on the page");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Errors(string html) => string.Join(" | ", Regex.Matches(html, "<li>([^<]*)</li>").Select(m => m.Groups[1].Value));

    private static async Task PollAsync(Func<Task<bool>> condition, int seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"not reached within {seconds} s: {what}");
    }

    [GeneratedRegex(@"/admin/broadcasts/(\d+)")]
    private static partial Regex DraftId();
}

public sealed class BroadcastPostgresTests(ITestOutputHelper output) : BroadcastTests(DatabaseProvider.Postgres, 2000, output);

public sealed class BroadcastSqliteTests(ITestOutputHelper output) : BroadcastTests(DatabaseProvider.Sqlite, 300, output);
