using System.Net;
using System.Net.Sockets;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The operator's first start: the built app run as a child process (as on a server), so the exit code and the text
/// on the console are what an operator sees.
/// </summary>
public class StartupErrorTests
{
    [Fact]
    public async Task Serve_WithThreeBadSettings_Exits2WithOneLinePerProblemNamingTheKeyAndNoStackTrace()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "start_cfg");

        var run = await CliProcess.RunAsync(database, null, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = "123456:test-token",
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookSecret"] = "secret_ok_secret_ok_secret_ok",
            ["Pakasir__Project"] = "toko",
            ["Pakasir__ApiKey"] = "test-api-key",
            // Telegram:PublicUrl left unset: required in Webhook mode
            ["Store__TimeZone"] = "Mars/Olympus",
            ["Shop__SendRatePerSecond"] = "100",
        });

        Assert.True(run.ExitCode == 2, run.ToString());
        var problems = run.Error.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 3, run.ToString());
        Assert.Single(problems, p => p.Contains("Telegram:PublicUrl", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Store:TimeZone", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Shop:SendRatePerSecond", StringComparison.Ordinal));
        AssertNoStackTrace(run);
        Assert.False(File.Exists(SqliteFile(database)), "nothing is created before the configuration is fixed");
    }

    [Fact]
    public async Task Serve_WithUnreadableEnumSetting_Exits2NamingTheKeyAndTheChoices()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "start_enum");

        var run = await CliProcess.RunAsync(database, null, new Dictionary<string, string> { ["Database__Provider"] = "Postgress" });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Database:Provider", run.Error);
        Assert.Contains("Sqlite, Postgres", run.Error);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Serve_WithUnreachablePostgres_Exits2NamingProviderHostAndPortWithoutAStackTrace()
    {
        var port = FreePort();
        var database = new TestDatabase(DatabaseProvider.Postgres,
            $"Host=127.0.0.1;Port={port};Database=shop;Username=shop;Password=not-used;Timeout=5");

        var run = await CliProcess.RunAsync(database, null, new Dictionary<string, string>());

        Assert.True(run.ExitCode == 2, run.ToString());
        var problem = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("  - ", StringComparison.Ordinal));
        Assert.Contains("Postgres", problem);
        Assert.Contains("127.0.0.1", problem);
        Assert.Contains($"port {port}", problem);
        Assert.Contains("ConnectionStrings:Default", problem);
        Assert.DoesNotContain("not-used", run.Out + run.Error);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Migrate_OnFreshPostgres_LogsNoErrorLine()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "start_migr");

        var run = await CliProcess.RunAsync(database, null, "migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(" ERR]", run.Out + run.Error);
        Assert.DoesNotContain("Failed executing DbCommand", run.Out + run.Error);
    }

    [Fact]
    public async Task Serve_OnFreshPostgres_FirstStartLogsNoErrorLine()
    {
        await using var bot = await BotApiDouble.StartAsync();
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "start_fresh");
        await using var app = new ShopApp(database, bot);

        var client = app.Start();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var errors = app.GetService<RecentLogEvents>().Snapshot().Where(e => e.Level is "Error" or "Fatal").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Level} {e.Source}: {e.Message}")));
    }

    private static void AssertNoStackTrace(CliProcess.Result run)
    {
        var all = run.Out + run.Error;
        Assert.DoesNotContain("Unhandled exception", all);
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("Exception:", all);
    }

    private static string SqliteFile(TestDatabase database) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
