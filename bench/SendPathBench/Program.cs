using System.Diagnostics;
using System.Globalization;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The send path under load: a private PostgreSQL (as the tests start it), the app in Release on Kestrel, the Bot API
// double with a round-trip delay that answers 429 above 30 sends per sliding second, and the Pakasir double.
// For each round trip: broadcast rate, delivery latency of a purchase paid during the broadcast, flash-sale p50/p99.
// Usage: dotnet run -c Release --project bench/SendPathBench [buyers] [flash-orders] [round trips ms, comma-separated]
var buyers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var flashOrders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var roundTrips = (args.Length > 2 ? args[2] : "0,150,300").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
const int rate = 25;

Console.WriteLine($"Send path: {buyers} buyers per broadcast, {flashOrders} orders in the flash sale, send rate {rate}/s");
Console.WriteLine();
Console.WriteLine("| round trip | broadcast msg/s (% of rate) | max sends in 1 s | 429s | delivery during broadcast | flash p50 / p99 (webhook → items) | flash p50 / p99 (commit → items) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
foreach (var rtt in roundTrips) Console.WriteLine(await RunAsync(rtt));
return;

async Task<string> RunAsync(int rttMs)
{
    await using var bot = await BotApiDouble.StartAsync();
    await using var pakasir = await PakasirDouble.StartAsync();
    var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "sendbench");
    await using var app = new ShopApp(database, bot, new Dictionary<string, string?>
    {
        ["Pakasir:Mode"] = "Live", ["Pakasir:ApiVersion"] = "V2", ["Pakasir:BaseUrl"] = pakasir.BaseUrl.ToString(),
        ["Pakasir:Project"] = pakasir.Project, ["Pakasir:ApiKey"] = pakasir.ApiKey, ["Pakasir:WebhookSecret"] = "bench-secret",
        ["Shop:SendRatePerSecond"] = rate.ToString(CultureInfo.InvariantCulture), ["Serilog:MinimumLevel:Default"] = "Error",
    });
    var http = app.Start();
    var webhook = new Uri(http.BaseAddress!, "/webhooks/pakasir");
    var productId = await SeedAsync(app, flashOrders + 1);

    // Broadcast, and one purchase paid while it runs.
    const long buyer = 6_999_999;
    var order = await CheckoutAsync(app, http, bot, buyer, productId);
    await app.QueryAsync(async db =>
    {
        db.Customers.AddRange(Enumerable.Range(0, buyers).Select(i => new Customer(7_000_000 + i, $"B{i}", null, null, "id", DateTime.UtcNow.AddMinutes(-1))));
        return await db.SaveChangesAsync();
    });
    var limits = new TelegramLimits(_ => false);
    bot.Responder = limits.Respond;
    bot.RoundTrip = TimeSpan.FromMilliseconds(rttMs);
    long broadcastId;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var service = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        broadcastId = (await service.CreateDraftAsync("<b>Bench</b> promo", null, null, BroadcastAudience.AllReachable, "admin:bench", default)).Id!.Value;
        await service.StartAsync(broadcastId, "admin:bench", default);
    }
    await Until(() => Task.FromResult(limits.Delivered("Bench") >= Math.Min(100, buyers / 4)), 120);
    var paidAt = DateTimeOffset.UtcNow;
    await pakasir.PayAsync(order, webhook, "bench-secret", v1Shape: false);
    await Until(() => Task.FromResult(bot.Calls.Any(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true)), 60);
    var deliveryMs = (bot.Calls.First(c => c.ChatId == buyer && c.Text?.Contains("Pembayaran diterima") == true).At - paidAt).TotalMilliseconds;
    await Until(async () => await app.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.Id == broadcastId && b.Status == BroadcastStatus.Completed)), 1200);
    var sent = limits.Log.Where(r => r.Status == 200 && r.Text?.Contains("Bench", StringComparison.Ordinal) == true && r.ChatId >= 7_000_000).ToList();
    var broadcastRate = (sent.Count - 1) / (sent.Max(r => r.At) - sent.Min(r => r.At)).TotalSeconds;
    var maxInSecond = TelegramLimits.MaxInAnySecond(limits.Log.Where(r => r.Status == 200).Select(r => r.At));
    var tooMany = limits.Log.Count(r => r.Status == 429);

    // Flash sale: orders placed (round trip 0, to keep the set-up short), then all paid at once.
    bot.RoundTrip = TimeSpan.Zero;
    bot.Responder = null;
    var invoices = new Dictionary<long, string>();
    foreach (var chunk in Enumerable.Range(0, flashOrders).Select(i => 7_500_000L + i).Chunk(10))
        foreach (var (b, code) in await Task.WhenAll(chunk.Select(async b => (b, await CheckoutAsync(app, http, bot, b, productId)))))
            invoices[b] = code;
    var flashLimits = new TelegramLimits(_ => false);
    bot.Responder = flashLimits.Respond;
    bot.RoundTrip = TimeSpan.FromMilliseconds(rttMs);
    var started = new Dictionary<long, DateTimeOffset>();
    var committed = new Dictionary<long, DateTimeOffset>();
    await Task.WhenAll(invoices.Select(async kv =>
    {
        lock (started) started[kv.Key] = DateTimeOffset.UtcNow;
        await pakasir.PayAsync(kv.Value, webhook, "bench-secret", v1Shape: false);
        lock (committed) committed[kv.Key] = DateTimeOffset.UtcNow;
    }));
    await Until(() => Task.FromResult(Deliveries().Count >= flashOrders), 300);
    var fromWebhook = Deliveries().Select(c => (c.At - started[c.ChatId]).TotalSeconds).Order().ToList();
    var fromCommit = Deliveries().Select(c => (c.At - committed[c.ChatId]).TotalSeconds).Order().ToList();
    return $"| {rttMs} ms | {broadcastRate:F1} ({broadcastRate / rate:P0}) | {maxInSecond} | {tooMany} | {deliveryMs / 1000:F2} s | " +
           $"{P(fromWebhook, 0.5):F2} / {P(fromWebhook, 0.99):F2} s | {P(fromCommit, 0.5):F2} / {P(fromCommit, 0.99):F2} s |";

    List<SendRecord> Deliveries() => flashLimits.Log.Where(r => r.Status == 200 && r.Method == "sendMessage" && r.ChatId is >= 7_500_000 and < 7_600_000
                                                               && r.Text?.Contains("Pembayaran diterima") == true).ToList();
}

static double P(List<double> sorted, double q) => sorted[(int)Math.Ceiling(sorted.Count * q) - 1];

static async Task Until(Func<Task<bool>> condition, int seconds)
{
    var deadline = Stopwatch.StartNew();
    while (!await condition())
    {
        if (deadline.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"not reached within {seconds} s");
        await Task.Delay(50);
    }
}

static async Task<long> SeedAsync(ShopApp app, int items) => await app.QueryAsync(async db =>
{
    var now = DateTime.UtcNow;
    var category = new Category("Streaming", 1, now);
    db.Categories.Add(category);
    await db.SaveChangesAsync();
    var product = new Product("BEN", "Bench", category.Id, 5_000, now);
    product.Update("Bench", category.Id, 5_000, "Akun", null, null, null, true, now);
    db.Products.Add(product);
    await db.SaveChangesAsync();
    for (var i = 1; i <= items; i++) db.StockItems.Add(new StockItem(product.Id, app.GetService<StockCipher>().Seal($"akun-{i}:rahasia{i}"), now));
    await db.SaveChangesAsync();
    return product.Id;
});

static async Task<string> CheckoutAsync(ShopApp app, HttpClient http, BotApiDouble bot, long buyer, long productId)
{
    await app.PostUpdateAsync(http, Updates.Text(buyer, "/start"));
    await app.PostUpdateAsync(http, Updates.Callback(buyer, $"add:{productId}:1", 1));
    await app.PostUpdateAsync(http, Updates.Callback(buyer, "pay:q", 1));
    await bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer, TimeSpan.FromSeconds(60), "QR");
    return await app.QueryAsync(db => db.Orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.TelegramUserId == buyer))
        .OrderByDescending(o => o.Id).Select(o => o.InvoiceCode).FirstAsync());
}
