using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Tests.Support;
using Microsoft.Playwright;

namespace BotAutoOrder.Tests.Browser;

/// <summary>
/// The newcomer's first minute in a real browser (the system Chromium): open /playground, type /start, see the greeting
/// with the buyer's name shown as text (not markup) and the reply keyboard, click a category button and see the bot's
/// answer. Saves a screenshot next to the test binaries.
/// </summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private PlaygroundShop _shop = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium");
        _shop = await PlaygroundShop.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task TypingStart_InThePlayground_ShowsTheGreetingWithTheNameAsTextAndTheReplyKeyboard()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _shop.Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 900, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{m.Text} @ {m.Location}"); };
        page.PageError += (_, e) => problems.Add(e);
        await page.AddInitScriptAsync("localStorage.setItem('playground.buyer', JSON.stringify({ id: 8201, firstName: '<i>Ana</i>', lang: 'id' }))");

        // The embedded default seeds a demo catalog in Playground mode: the newcomer starts with something to buy.
        await page.GotoAsync("/playground");
        await page.Locator("#text").FillAsync("/start");
        await page.Locator("#text").PressAsync("Enter");

        var name = page.Locator(".msg.bot .bubble b", new() { HasText = "<i>Ana</i>" });
        await name.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator(".msg.bot .bubble i").CountAsync()); // the name stayed text: no <i> element was built
        Assert.Contains("Halo, <i>Ana</i>", await page.Locator(".msg.bot .bubble").First.InnerTextAsync());
        await page.Locator(".reply-keyboard button", new() { HasText = "Produk" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.StartsWith("/start", await page.Locator(".msg.buyer .bubble").First.InnerTextAsync());
        await page.Locator(".inline-keyboard button", new() { HasText = "Streaming" }).ClickAsync();
        // The bot answered the click by turning the category list into the category's products, in place.
        await page.Locator(".inline-keyboard button", new() { HasText = "Netflix Premium 1 Bulan" }).WaitForAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-start.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join("\n", problems)); // no script errors, no CSP violations, no missing files
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _shop.DisposeAsync();
    }
}
