using System.Diagnostics;
using System.Globalization;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using UpdatePathBench;

// The update path side by side: a minimal echo bot and the shop (on PostgreSQL and on SQLite), each in its own process
// on its own Kestrel, both replying to one fast in-process Bot API double, driven with the same updates (/start, a
// category button, a product button, add to cart) at each concurrency level. Prints updates/s, p50/p95/p99, the
// shop-to-echo ratio, CPU per 1,000 updates and memory, and writes an SVG chart of throughput against concurrency.
// Usage: UpdatePathBench [seconds per level] [levels, comma-separated] [bots: echo,postgres,sqlite] [svg path]
//        UpdatePathBench echo <url> <bot api base url> <secret>     (the echo bot itself; started by the bench)
if (args is ["echo", var echoUrl, var echoApi, var echoSecret])
{
    await EchoBot.RunAsync(echoUrl, echoApi, echoSecret);
    return;
}
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var levels = (args.Length > 1 ? args[1] : "1,8,32,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var bots = (args.Length > 2 ? args[2] : "echo,postgres,sqlite").Split(',');
var svgPath = args.Length > 3 ? args[3] : null;
const string secret = ShopApp.WebhookSecret;

var total = Stopwatch.StartNew();
Console.WriteLine($"Update path: {seconds} s per level after a warm-up, levels {string.Join(", ", levels)}, {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
await using var api = await FastBotApi.StartAsync();
var results = new List<LevelResult>();
var memory = new List<(string Bot, double IdleMb, double PeakMb)>();
foreach (var bot in bots)
{
    var name = bot switch { "echo" => "echo bot", "postgres" => "shop (PostgreSQL)", "sqlite" => "shop (SQLite)", _ => throw new ArgumentException("unknown bot " + bot) };
    long categoryId = 1, productId = 1;
    TestDatabase? database = null;
    AppProcess app;
    if (bot == "echo") app = await AppProcess.StartEchoAsync(api.BaseUrl, secret);
    else
    {
        database = await TestDatabase.CreateAsync(bot == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, "updbench");
        (categoryId, productId) = await SeedAsync(database);
        app = await AppProcess.StartShopAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Telegram__BotToken"] = FastBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__PublicUrl"] = "https://shop.example.test",
            ["Telegram__WebhookSecret"] = secret,
            ["Telegram__AdminIds"] = "9001",
            ["Store__Name"] = "Toko Bench",
            ["Pakasir__Mode"] = "Simulator",
            ["Stock__EncryptionKey"] = TestStockKeys.Key,
            ["Logging__FilePath"] = "",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
    }
    await using (app)
    {
        var load = new Load(app.BaseAddress, secret, categoryId, productId);
        await load.RunAsync(8, TimeSpan.FromSeconds(3)); // warm-up: JIT, connection pools, caches
        await Task.Delay(2000);
        var idle = app.WorkingSet;
        foreach (var level in levels)
        {
            var cpuBefore = app.Cpu;
            var (latencies, failed, elapsed) = await load.RunAsync(level, TimeSpan.FromSeconds(seconds));
            var cpu = app.Cpu - cpuBefore;
            results.Add(new LevelResult(name, level, latencies.Count, failed, latencies.Count / elapsed.TotalSeconds,
                Load.Percentile(latencies, 0.50), Load.Percentile(latencies, 0.95), Load.Percentile(latencies, 0.99),
                cpu.TotalMilliseconds / latencies.Count * 1000));
            Console.Error.WriteLine($"  {name} at {level}: {latencies.Count / elapsed.TotalSeconds:F0} updates/s, {failed} failed");
        }
        memory.Add((name, idle / 1048576.0, app.PeakWorkingSet / 1048576.0));
        if (database is not null) Console.Error.WriteLine($"  {name}: {await CartLinesAsync(database)} cart lines written (one per completed journey)");
    }
}

Console.WriteLine();
Console.WriteLine("| bot | concurrency | updates/s | p50 ms | p95 ms | p99 ms | vs echo | CPU ms per 1,000 updates | failed |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    var echo = results.FirstOrDefault(e => e.Bot == "echo bot" && e.Concurrency == r.Concurrency);
    var ratio = echo is null || r.Bot == "echo bot" ? "" : (r.PerSecond / echo.PerSecond).ToString("P0", CultureInfo.InvariantCulture);
    Console.WriteLine($"| {r.Bot} | {r.Concurrency} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {ratio} | {r.CpuMsPer1000:F0} | {r.Failed} |");
}
Console.WriteLine();
Console.WriteLine("| bot | idle working set | peak working set |");
Console.WriteLine("|---|---:|---:|");
foreach (var m in memory) Console.WriteLine($"| {m.Bot} | {m.IdleMb:F0} MB | {m.PeakMb:F0} MB |");
Console.WriteLine();
Console.WriteLine($"Bot API double: {api.Calls:N0} calls, {api.Messages:N0} sent or edited messages. Whole run {total.Elapsed.TotalMinutes:F1} min.");
if (svgPath is not null)
{
    await File.WriteAllTextAsync(svgPath, Chart.Svg(results, $"Updates/s against concurrency ({Environment.ProcessorCount} vCPU, {seconds} s per level)"));
    Console.WriteLine($"Chart written to {svgPath}");
}
return;

static async Task<(long CategoryId, long ProductId)> SeedAsync(TestDatabase database)
{
    await using var db = TestDbContexts.Create(database);
    await db.Database.MigrateAsync();
    var now = DateTime.UtcNow;
    var category = new Category("Streaming", 1, now);
    db.Categories.Add(category);
    await db.SaveChangesAsync();
    var product = new Product("BEN", "Bench Premium", category.Id, 5_000, now);
    product.Update("Bench Premium", category.Id, 5_000, "Akun 1 bulan", null, null, null, true, now);
    db.Products.Add(product);
    await db.SaveChangesAsync();
    for (var i = 1; i <= 100; i++) db.StockItems.Add(new StockItem(product.Id, TestStockKeys.Cipher.Seal($"akun-{i}:rahasia{i}"), now));
    await db.SaveChangesAsync();
    return (category.Id, product.Id);
}

static async Task<int> CartLinesAsync(TestDatabase database)
{
    await using var db = TestDbContexts.Create(database);
    return await db.CartLines.CountAsync();
}
