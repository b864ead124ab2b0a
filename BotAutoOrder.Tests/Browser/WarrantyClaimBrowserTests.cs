using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BotAutoOrder.Tests.Browser;

/// <summary>
/// Issue 13: a warranty claim walked in a real browser (system Chromium) — the buyer buys and claims in the playground
/// (the demo catalog's streaming products carry a 30-day warranty), the seller replaces it in /admin/claims, and the
/// fresh item appears in the buyer's playground chat. Screenshots are saved next to the test binaries (claim-*.png).
/// </summary>
public sealed class WarrantyClaimBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string OwnerEmail = "owner@shop.test";
    private const string OwnerPassword = "browser-claims-1";
    private const long BuyerId = 8301;
    private PlaygroundShop _shop = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium");
        _shop = await PlaygroundShop.StartAsync();
        await using (var scope = _shop.App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffService>()
                .CreateFirstOwnerAsync(OwnerEmail, OwnerPassword, "system:test", CancellationToken.None)).Succeeded);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"claim-{name}.png"), FullPage = true });

    private static ILocator Button(IPage page, string text) => page.Locator(".inline-keyboard button", new() { HasText = text }).Last;

    [Fact]
    public async Task WarrantyClaim_PlaygroundThenDashboardReplace_BuyerSeesTheFreshItem()
    {
        var buyer = await _browser.NewPageAsync(new() { BaseURL = _shop.Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 900, Height = 1000 } });
        var problems = new List<string>();
        buyer.PageError += (_, e) => problems.Add(e);
        await buyer.AddInitScriptAsync($"localStorage.setItem('playground.buyer', JSON.stringify({{ id: {BuyerId}, firstName: 'Ana', lang: 'id' }}))");
        await buyer.GotoAsync("/playground");
        await buyer.Locator("#text").FillAsync("/start");
        await buyer.Locator("#text").PressAsync("Enter");
        await Button(buyer, "Streaming").WaitForAsync(new() { Timeout = 15_000 });
        var customerId = await _shop.App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == BuyerId).Select(c => c.Id).SingleAsync());
        await using (var scope = _shop.App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BalanceService>()
                .AdjustByAdminAsync(customerId, 100_000, "test", "admin:test", CancellationToken.None)).Succeeded);

        // Buy with the balance, through the buttons.
        await Button(buyer, "Streaming").ClickAsync();
        await Button(buyer, "Netflix Premium 1 Bulan").ClickAsync();
        await buyer.Locator(".msg.bot .bubble", new() { HasText = "Garansi 30 hari" }).WaitForAsync(new() { Timeout = 15_000 });
        await Button(buyer, "Tambah ke Keranjang").ClickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await _shop.App.QueryAsync(db => db.CartLines.CountAsync()) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the product never reached the cart");
            await Task.Delay(50);
        }
        await Button(buyer, "Keranjang").ClickAsync();
        await Button(buyer, "Checkout").ClickAsync(new() { Timeout = 15_000 });
        await Button(buyer, "Bayar pakai Saldo").ClickAsync(new() { Timeout = 15_000 });
        await buyer.Locator(".msg.bot .bubble", new() { HasText = "Pembayaran diterima" }).WaitForAsync(new() { Timeout = 20_000 });

        // My orders → the order → claim → the item → reason → skip the screenshot.
        await buyer.Locator(".reply-keyboard button", new() { HasText = "Pesanan Saya" }).ClickAsync();
        await buyer.Locator(".inline-keyboard button", new() { HasText = "INV-" }).First.ClickAsync(new() { Timeout = 15_000 });
        await Button(buyer, "Klaim garansi").ClickAsync(new() { Timeout = 15_000 });
        await buyer.Locator(".inline-keyboard button", new() { HasText = "1. Netflix" }).Last.ClickAsync(new() { Timeout = 15_000 });
        await buyer.Locator(".msg.bot .bubble", new() { HasText = "Ceritakan masalah" }).WaitForAsync(new() { Timeout = 15_000 });
        await buyer.Locator("#text").FillAsync("Password <salah> & akun terkunci");
        await buyer.Locator("#text").PressAsync("Enter");
        await Button(buyer, "Lewati").ClickAsync(new() { Timeout = 15_000 });
        await buyer.Locator(".msg.bot .bubble", new() { HasText = "diterima" }).Last.WaitForAsync(new() { Timeout = 15_000 });
        await Shot(buyer, "buyer-claimed");
        var claim = await _shop.App.QueryAsync(db => db.WarrantyClaims.AsNoTracking().SingleAsync());
        Assert.Equal(WarrantyClaimStatus.Open, claim.Status);

        // The seller: sign in, the queue, the claim, replace.
        var seller = await _browser.NewPageAsync(new() { BaseURL = _shop.Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 1200, Height = 1000 } });
        seller.PageError += (_, e) => problems.Add(e);
        await seller.GotoAsync("/admin/claims");
        Assert.Contains("/login", seller.Url);
        await seller.FillAsync("#Input_Email", OwnerEmail);
        await seller.FillAsync("#Input_Password", OwnerPassword);
        await seller.ClickAsync("button[type=submit]");
        await seller.WaitForURLAsync(url => !url.Contains("/login"));
        await seller.GotoAsync("/admin/claims");
        await seller.Locator("td.excerpt", new() { HasText = "Password <salah> & akun terkunci" }).WaitForAsync();
        await seller.ClickAsync($"a:text-is('#{claim.Id}')");
        await seller.Locator("h1", new() { HasText = $"#{claim.Id}" }).WaitForAsync();
        await Shot(seller, "seller-detail");
        var replace = seller.Locator("form[action*='handler=Replace']");
        await replace.Locator("input[name='Input.Confirmed']").CheckAsync();
        await replace.Locator("button").ClickAsync();
        await seller.Locator(".status", new() { HasText = "Diganti" }).WaitForAsync();
        await Shot(seller, "seller-replaced");

        // Back in the playground: the fresh item arrived.
        claim = await _shop.App.QueryAsync(db => db.WarrantyClaims.AsNoTracking().SingleAsync());
        Assert.Equal(WarrantyClaimStatus.Replaced, claim.Status);
        var fresh = (await _shop.App.StockContentsAsync(s => s.Id == claim.ReplacementStockItemId)).Single();
        await buyer.Locator(".msg.bot .bubble", new() { HasText = "diganti dengan item baru" }).WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains(fresh, await buyer.Locator(".msg.bot .bubble", new() { HasText = "diganti dengan item baru" }).InnerTextAsync());
        Assert.Equal(StockItemStatus.Replaced, await _shop.App.QueryAsync(db => db.StockItems.Where(s => s.Id == claim.StockItemId).Select(s => s.Status).SingleAsync()));
        await Shot(buyer, "buyer-replaced");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _shop.DisposeAsync();
    }
}
