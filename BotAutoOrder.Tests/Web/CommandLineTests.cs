using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Cli;
using BotAutoOrder.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The command-line jobs, run as an operator runs them: the built app in a child process, exit codes and effects.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Migrate_OnEmptyDatabaseWithMigrateOnStartupOff_AppliesEverything(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "cli_migr");

        var run = await CliProcess.RunAsync(database, null, new Dictionary<string, string> { ["Database__MigrateOnStartup"] = "false" }, "migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Applied", run.Out);
        await using var db = TestDbContexts.Create(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var again = await CliProcess.RunAsync(database, null, "migrate");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("up to date", again.Out);
    }

    [Fact]
    public async Task CreateAdmin_PasswordFromStdin_CreatesAVerifiableOwnerAndASecondRunResetsIt()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cli_admin");

        var created = await CliProcess.RunAsync(database, "rahasia-123\n", "create-admin", "Owner@Toko.test");
        Assert.True(created.ExitCode == 0, created.ToString());
        var user = await LoadUserAsync(database, "owner@toko.test");
        Assert.Equal(StaffRole.Owner, user.Role);
        Assert.True(user.IsActive);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<DashboardUser>().VerifyHashedPassword(user, user.PasswordHash, "rahasia-123"));

        var updated = await CliProcess.RunAsync(database, "lebih-rahasia-456\n", "create-admin", "owner@toko.test");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        var after = await LoadUserAsync(database, "owner@toko.test");
        var hasher = new PasswordHasher<DashboardUser>();
        Assert.Equal(user.Id, after.Id);
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(after, after.PasswordHash, "rahasia-123"));
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(after, after.PasswordHash, "lebih-rahasia-456"));
        await using var db = TestDbContexts.Create(database);
        Assert.Equal([AuditActions.StaffCreated, AuditActions.StaffPasswordSet], await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task CreateAdmin_ShortPassword_ExitsWith1AndCreatesNobody()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cli_short");

        var run = await CliProcess.RunAsync(database, "pendek\n", "create-admin", "owner@toko.test");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("at least 8 characters", run.Error);
        await using var db = TestDbContexts.Create(database);
        Assert.Equal(0, await db.DashboardUsers.CountAsync());
    }

    [Fact]
    public async Task BackupThenRestore_IntoPostgres_RoundTripsAndNeedsForceOverData()
    {
        var source = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "cli_src");
        await using (var db = TestDbContexts.Create(source)) await ShopSeed.FillAsync(db);
        var expected = await TableDump.OfAsync(source);
        var file = Path.Combine(Path.GetTempPath(), "botautoorder-tests", $"cli-{Guid.NewGuid():N}", "shop.json.gz");

        var backup = await CliProcess.RunAsync(source, null, "backup", file);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(File.Exists(file));

        var target = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "cli_dst"); // empty: restore migrates it first
        var restore = await CliProcess.RunAsync(target, null, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("Restored", restore.Out);
        var restored = await TableDump.OfAsync(target);
        foreach (var table in expected.Keys.Where(t => t != "audit_entries" && t != BackupFiles.KeyTable)) Assert.True(expected[table] == restored[table], $"table {table} differs");

        var refused = await CliProcess.RunAsync(target, null, "restore", file);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("--force", refused.Error);
        var forced = await CliProcess.RunAsync(target, null, "restore", file, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
    }

    [Fact]
    public async Task Restore_DamagedFile_ExitsWith1AndSaysWhy()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cli_bad");
        var file = Path.Combine(Path.GetTempPath(), "botautoorder-tests", $"bad-{Guid.NewGuid():N}.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "this is not a backup");

        var run = await CliProcess.RunAsync(database, null, "restore", file, "--force");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("not a gzip-compressed backup", run.Error);
    }

    [Fact]
    public async Task Import_CatalogThenStock_UpsertsProductsAndCountsDuplicates()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cli_import");
        var folder = Directory.CreateTempSubdirectory("cli-import").FullName;
        var csv = Path.Combine(folder, "catalog.csv");
        await File.WriteAllTextAsync(csv, "code,name,category,price,description,active\nNFX1,Netflix,Streaming,25000,Akun,true\nBAD1,Rusak,Streaming,-5,x,true\n");
        var stock = Path.Combine(folder, "stock.txt");
        await File.WriteAllLinesAsync(stock, ["a@x.test:1", "b@x.test:2", "a@x.test:1", ""]);

        var catalog = await CliProcess.RunAsync(database, null, "import-catalog", csv);
        var items = await CliProcess.RunAsync(database, null, "import-stock", "nfx1", stock);
        var missing = await CliProcess.RunAsync(database, null, "import-stock", "NOPE", stock);

        Assert.True(catalog.ExitCode == 1, catalog.ToString()); // one row refused, reported with its line number
        Assert.Contains("line 3", catalog.Error);
        Assert.Contains("created 1", catalog.Out);
        Assert.True(items.ExitCode == 0, items.ToString());
        Assert.Contains("added 2, duplicates 1", items.Out);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        await using var db = TestDbContexts.Create(database);
        Assert.Equal(2, await db.StockItems.CountAsync());
        Assert.False(await db.Products.AnyAsync(p => p.Code == "BAD1"));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("backup")]
    [InlineData("restore", "a.json.gz", "--forse")]
    [InlineData("migrate", "extra")]
    public async Task UnknownCommandOrWrongArguments_ExitWith2_AndPrintUsage(params string[] args)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cli_usage");

        var run = await CliProcess.RunAsync(database, null, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Usage:", run.Error);
        Assert.Contains("restore <file> [--force]", run.Error);
        Assert.Contains("import-stock <product-code> <file>", run.Error);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "--environment=Testing", "--contentRoot=/tmp" }, false)]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "restore", "x.gz", "--force" }, true)]
    public void IsJob_FirstArgument_TrueOnlyForACommandWord(string[] args, bool expected) =>
        Assert.Equal(expected, CommandLine.IsJob(args));

    private static async Task<DashboardUser> LoadUserAsync(TestDatabase database, string email)
    {
        await using var db = TestDbContexts.Create(database);
        return await db.DashboardUsers.AsNoTracking().SingleAsync(u => u.Email == email);
    }
}
