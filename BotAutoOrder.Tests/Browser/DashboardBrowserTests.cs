using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.Playwright;

namespace BotAutoOrder.Tests.Browser;

/// <summary>
/// A seller's first session in a real browser (system Chromium, no JavaScript needed by the pages): sign in, create a
/// category and a product, paste stock and see the counts, find an order, sign out. Screenshots of home, products,
/// stock and order detail are saved next to the test binaries (dashboard-*.png) for a person to look at.
/// </summary>
public sealed class DashboardBrowserTests() : DashboardTestBase(DatabaseProvider.Sqlite)
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium");
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"dashboard-{name}.png"), FullPage = true });

    [Fact]
    public async Task Seller_WholeDashboardRound_SignsInCreatesCatalogAddsStockFindsOrderSignsOut()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{m.Text} @ {m.Location}"); };

        await page.GotoAsync("/admin");
        Assert.Contains("/login", page.Url);
        await page.FillAsync("#Input_Email", OwnerEmail);
        await page.FillAsync("#Input_Password", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        await page.Locator(".kpi").First.WaitForAsync();
        await Shot(page, "home");

        await page.GotoAsync("/admin/categories/edit");
        await page.FillAsync("#Input_Name", "Streaming");
        await page.ClickAsync("button.primary");
        await page.Locator(".status.ok", new() { HasText = "Streaming" }).WaitForAsync();

        await page.GotoAsync("/admin/products/edit");
        await page.FillAsync("#Input_Code", "NFX1");
        await page.FillAsync("#Input_Name", "Netflix 1 Bulan");
        await page.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Label = "Streaming" });
        await page.FillAsync("#Input_Price", "25000");
        await page.ClickAsync("button.primary");
        await page.Locator("td", new() { HasText = "Netflix 1 Bulan" }).WaitForAsync();
        await Shot(page, "products");

        await page.ClickAsync("a:text-is('Stok')");
        await page.FillAsync("#lines", "akun1@mail.test:pass1\nakun2@mail.test:pass2\n\nakun1@mail.test:pass1");
        await page.ClickAsync("form[action*='Paste'] button.primary");
        await page.Locator(".status", new() { HasText = "Ditambahkan 2, duplikat 1." }).WaitForAsync();
        Assert.Equal("2", await page.InnerTextAsync("#count-available"));
        Assert.Equal("0", await page.InnerTextAsync("#count-sold"));
        await Shot(page, "stock");

        var seed = new DashboardSeed(App);
        var product = await App.QueryAsync(db => Task.FromResult(db.Products.Single()));
        var buyer = await seed.CustomerAsync(9100, "Ana", "ana");
        await seed.OrderAsync(buyer, product, 1, OrderStatus.PendingPayment, "INV-BROWSER-1");
        await page.GotoAsync("/admin/orders");
        await page.FillAsync("#invoice", "INV-BROWSER");
        await page.ClickAsync("form.filters button");
        await page.ClickAsync("a:text-is('INV-BROWSER-1')");
        await page.Locator("h1", new() { HasText = "INV-BROWSER-1" }).WaitForAsync();
        await Shot(page, "order-detail");

        await page.ClickAsync("header button:text-is('Keluar')");
        await page.WaitForURLAsync("**/login*", new() { Timeout = 60_000 }); // generous: the whole suite shares two cores
        await page.GotoAsync("/admin");
        Assert.Contains("/login", page.Url);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public override async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
    }
}
