using System.Globalization;
using System.Net;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.Playwright;

namespace BotAutoOrder.Tests.Browser;

/// <summary>
/// A sending broadcast's page in system Chromium: with JavaScript the bar and counts update in place from
/// <c>?handler=Progress</c> (no reload until the broadcast ends); without JavaScript the page reloads itself.
/// Sends to the buyers are held at the Bot API double and released in steps, so the test decides when progress moves.
/// </summary>
public sealed class BroadcastProgressBrowserTests() : DashboardTestBase(DatabaseProvider.Sqlite)
{
    private const string Chromium = "/usr/bin/chromium";
    private const long FirstChat = 7_100_000;
    private const int Buyers = 60;
    private readonly SemaphoreSlim _sends = new(0);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium");
        await base.InitializeAsync();
        // Each send to a buyer waits for a permit; the test hands them out.
        Bot.Responder = call =>
        {
            if (call.Method == "sendMessage" && call.ChatId >= FirstChat && !_sends.Wait(TimeSpan.FromSeconds(60)))
                return BotApiReply.Error(500, "held too long");
            return null;
        };
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task WithJavaScript_CountsUpdateInPlace_ThenThePageReloadsOnceWhenDone()
    {
        var id = await StartBroadcastAsync();
        var page = await SignedInPageAsync(javaScript: true);
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        await page.GotoAsync($"/admin/broadcasts/{id}");
        await page.Locator("script[data-progress-url]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("0", await page.InnerTextAsync("[data-count=sent]"));
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        _sends.Release(20);

        await page.WaitForFunctionAsync("() => window.__sameDocument === true && document.querySelector('[data-count=sent]').textContent === '20'"
            + " && document.querySelector('progress').value === 20", null, new() { Timeout = 60_000 });
        Assert.Equal("40", await page.InnerTextAsync("[data-count=remaining]"));
        Assert.Equal("33%", await page.InnerTextAsync("[data-percent]"));

        _sends.Release(Buyers);

        await page.Locator("#broadcast-status.s-Completed").WaitForAsync(new() { Timeout = 60_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the finished page is loaded fresh");
        Assert.Equal(0, await page.Locator("script[data-progress-url]").CountAsync()); // nothing polls a finished broadcast
        Assert.Equal(Buyers.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-count=sent]"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ProgressPage_WithoutJavaScript_RefreshesItself()
    {
        var id = await StartBroadcastAsync();
        var page = await SignedInPageAsync(javaScript: false);
        await page.GotoAsync($"/admin/broadcasts/{id}");
        Assert.Equal("0", await page.InnerTextAsync("[data-count=sent]"));

        _sends.Release(20);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await page.InnerTextAsync("[data-count=sent]") != "20")
        {
            Assert.True(DateTime.UtcNow < deadline, "the page did not refresh to the new count");
            // the <noscript> refresh loads the page again every 2 s; without it this times out
            await page.WaitForResponseAsync(r => r.Url.EndsWith($"/admin/broadcasts/{id}", StringComparison.Ordinal), new() { Timeout = 10_000 });
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        Assert.Equal(0, await page.Locator("script").CountAsync() - await page.Locator("script[src]").CountAsync());
        _sends.Release(Buyers);
    }

    [Fact]
    public async Task ProgressPage_Served_HasItsJsonAndScriptButNoInlineScript()
    {
        var id = await StartBroadcastAsync();
        var owner = await OwnerAsync();

        var html = await owner.GetPageAsync($"/admin/broadcasts/{id}");
        var json = await owner.GetPageAsync($"/admin/broadcasts/{id}?handler=Progress");
        using var script = await owner.GetAsync("/js/broadcast-progress.js");

        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"2\" /></noscript>", html);
        Assert.Matches("<script src=\"/js/broadcast-progress.js\\?v=[^\"]+\" data-progress-url=\"/admin/broadcasts/\\d+\\?handler=Progress\" defer></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html); // nothing inline: allowed by a CSP of script-src 'self'
        Assert.Contains("\"status\":\"Sending\"", json);
        Assert.Contains($"\"total\":{Buyers}", json);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        _sends.Release(Buyers);
    }

    private async Task<long> StartBroadcastAsync()
    {
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Customers.AddRange(Enumerable.Range(0, Buyers).Select(i => new Customer(FirstChat + i, $"Buyer{i}", null, null, "id", now)));
            return await db.SaveChangesAsync();
        });
        var owner = await OwnerAsync();
        using var draft = await owner.PostFormAsync("/admin/broadcasts/new", [new("Input.Html", "<b>Promo</b> minggu ini"), new("Input.Audience", "AllReachable")],
            "/admin/broadcasts/new");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var id = long.Parse(draft.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        using var send = await owner.PostFormAsync($"/admin/broadcasts/{id}?handler=Send", [new("Confirm", "true")], $"/admin/broadcasts/{id}");
        Assert.Contains("s-Sending", await owner.FollowAsync(send));
        return id;
    }

    private async Task<IPage> SignedInPageAsync(bool javaScript)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = Client.BaseAddress!.ToString(), JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#Input_Email", OwnerEmail);
        await page.FillAsync("#Input_Password", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        return page;
    }

    public override async Task DisposeAsync()
    {
        _sends.Release(10_000); // nothing stays held at the double
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
        _sends.Dispose();
    }
}
