using System.Diagnostics;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using DashboardBench;

// Dashboard page times at scale: a private PostgreSQL (as the tests start it), the app on Kestrel with migrations
// applied, N buyers and M orders (one line each) seeded by binary COPY, then p50/p95 of the heaviest pages.
// Usage: dotnet run -c Release --project bench/DashboardBench [buyers] [orders] [requests-per-page]
var buyers = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var orders = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
var requests = args.Length > 2 ? int.Parse(args[2]) : 30;

Console.WriteLine($"Starting PostgreSQL and the app ({buyers:N0} buyers, {orders:N0} orders, {requests} requests per page)…");
await using var bot = await BotApiDouble.StartAsync();
var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "bench");
await using var app = new ShopApp(database, bot, new Dictionary<string, string?>
{
    ["Admin:Email"] = "owner@bench.test",
    ["Admin:Password"] = "bench-pass-123",
    ["Serilog:MinimumLevel:Default"] = "Error",
    // BENCH_SQL=1: every EF command with its duration on the console, to see which query a slow page waits for.
    ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] =
        Environment.GetEnvironmentVariable("BENCH_SQL") == "1" ? "Information" : "Error",
});
using var http = app.Start();
await Seeder.SeedAsync(database.ConnectionString, buyers, orders);

using var client = new DashboardClient(http.BaseAddress!);
using (var signIn = await client.SignInAsync("owner@bench.test", "bench-pass-123"))
    if (signIn.Headers.Location?.ToString() != "/admin") throw new InvalidOperationException("sign-in failed");

// Deep pages as the pager links them since issue 11 (keyset: the key of the last row of the previous page), and as an
// old bookmark with a bare page number (OFFSET) would still fetch them.
var deepOrder = await Seeder.CursorAtAsync(database.ConnectionString, "orders", 50_000);
var deepBuyer = await Seeder.CursorAtAsync(database.ConnectionString, "customers", 50_000);
string[] pages = Environment.GetEnvironmentVariable("BENCH_PAGES") is { Length: > 0 } only ? only.Split(',') :
[
    "/admin",
    "/admin/orders",
    "/admin/orders?status=Refunded",
    "/admin/orders?invoice=INV-B00500000",
    "/admin/orders?page=2000",
    $"/admin/orders?page=2001&after={deepOrder}",
    $"/admin/buyers?page=2001&after={deepBuyer}",
    "/admin/buyers?q=user4242",
    "/admin/buyers?q=Buyer99",
    $"/admin/buyers/{1}",
];
Console.WriteLine();
Console.WriteLine($"{"page",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var page in pages)
{
    await client.GetPageAsync(page); // warm-up (plans, caches)
    var times = new List<double>();
    for (var i = 0; i < requests; i++)
    {
        var sw = Stopwatch.StartNew();
        await client.GetPageAsync(page);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine($"{page,-56} {P(0.50),8:F1} {P(0.95),8:F1} {times[^1],8:F1}");
}
