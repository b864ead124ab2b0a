using System.Net;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;
using Serilog.Parsing;

namespace BotAutoOrder.Tests.Web;

/// <summary>The owner's System page: Telegram webhook info from the Bot API, database, outbox backlog, recent warnings.</summary>
public abstract class DashboardSystemTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private async Task SeedOutboxAsync()
    {
        var now = DateTime.UtcNow;
        await App.QueryAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(); // the outbox worker never sees them as due
            for (var i = 0; i < 3; i++) db.OutboxMessages.Add(new OutboxMessage(8001 + i, "text", "{}", now.AddMinutes(-90 + i)));
            for (var i = 0; i < 2; i++) db.OutboxMessages.Add(new OutboxMessage(8101 + i, "failme", "{}", now.AddMinutes(-30)));
            await db.SaveChangesAsync();
            // pending rows not due for a day (the worker leaves them alone); two rows failed for good
            await db.OutboxMessages.Where(m => m.Kind == "text" && m.ChatId > 8000 && m.ChatId < 8100)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now.AddDays(1)));
            await db.OutboxMessages.Where(m => m.Kind == "failme").ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, 8)
                .SetProperty(m => m.LastError, "Bad Request: chat <i>not</i> found"));
            await tx.CommitAsync();
            return 0;
        });
    }

    [Fact]
    public async Task SystemPage_AsOwner_ShowsWebhookInfoDatabaseOutboxBacklogAndRecentWarnings()
    {
        await SeedOutboxAsync();
        Bot.Responder = call => call.Method.Equals("getWebhookInfo", StringComparison.OrdinalIgnoreCase)
            ? BotApiReply.Ok(new JsonObject
            {
                ["url"] = "https://shop.example.test/webhooks/telegram", ["has_custom_certificate"] = false, ["pending_update_count"] = 7,
                ["last_error_date"] = 1_700_000_000, ["last_error_message"] = "Wrong response from the webhook: 502 <Bad Gateway>",
            })
            : null;
        var owner = await OwnerAsync();

        var html = await owner.GetPageAsync("/admin/system");

        Assert.Contains("id=\"pending-updates\">7<", html);
        Assert.Contains("502 &lt;Bad Gateway&gt;", html);
        Assert.Contains(Provider.ToString(), html);
        Assert.Contains("id=\"pending-migrations\">Tidak ada<", html);
        Assert.Contains("id=\"outbox-pending\">3<", html);
        Assert.Contains("id=\"outbox-failed\">2<", html);
        Assert.Matches("id=\"outbox-oldest\">(89|90|91) menit<", html);
        Assert.Contains("Bad Request: chat &lt;i&gt;not&lt;/i&gt; found", html);

        Bot.Responder = call => call.Method.Equals("getWebhookInfo", StringComparison.OrdinalIgnoreCase) ? BotApiReply.Error(500, "Internal Server Error") : null;
        var failing = await owner.GetPageAsync("/admin/system");
        Assert.Contains("Internal Server Error", failing);
        // Recent warnings: the page shows what the sink holds (written straight to this app's sink: with several test hosts in
        // one process Serilog's static logger may route a host's events to another host's sink), escaped.
        var sink = App.GetService<RecentLogEvents>();
        sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, new InvalidOperationException("boom <b>"),
            new MessageTemplateParser().Parse("Sending failed for <script>x</script>"), []));
        sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("just info"), []));
        var later = await owner.GetPageAsync("/admin/system");
        Assert.Contains("Sending failed for &lt;script&gt;x&lt;/script&gt;", later);
        Assert.Contains("InvalidOperationException: boom &lt;b&gt;", later);
        Assert.DoesNotContain("just info", later);
    }

    [Fact]
    public async Task Admin_IsDenied_AndTheNavLinkIsOwnerOnly()
    {
        var admin = await AdminAsync();
        using var response = await admin.GetAsync("/admin/system");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        using var denied = await admin.GetAsync(response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("href=\"/admin/system\"", await admin.GetPageAsync("/admin"));
        Assert.Contains("href=\"/admin/system\"", await (await OwnerAsync()).GetPageAsync("/admin"));
    }
}

public sealed class DashboardSystemPostgresTests() : DashboardSystemTests(DatabaseProvider.Postgres);

public sealed class DashboardSystemSqliteTests() : DashboardSystemTests(DatabaseProvider.Sqlite);

public sealed class RecentLogEventsTests
{
    [Fact]
    public void RecentWarnings_MoreThanFifty_KeepsTheLastFiftyNewestFirst()
    {
        var sink = new RecentLogEvents();
        for (var i = 0; i < 60; i++)
            sink.Emit(new LogEvent(DateTimeOffset.UtcNow, i % 2 == 0 ? LogEventLevel.Warning : LogEventLevel.Debug, null,
                new MessageTemplateParser().Parse("event " + i), []));
        sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Fatal, null, new MessageTemplateParser().Parse("last"), []));
        for (var i = 0; i < 40; i++)
            sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, null, new MessageTemplateParser().Parse("error " + i), []));

        var entries = sink.Snapshot();
        Assert.Equal(RecentLogEvents.Capacity, entries.Count);
        Assert.Equal("error 39", entries[0].Message);
        Assert.Contains(entries, e => e.Message == "last");
        Assert.DoesNotContain(entries, e => e.Level == "Debug");
    }
}
