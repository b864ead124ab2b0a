using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Cli;

/// <summary><c>migrate</c>.</summary>
public static class DatabaseJobs
{
    public static async Task<int> MigrateAsync(CliContext cli)
    {
        var applied = await ApplyMigrationsAsync(cli.Services, cli.Ct);
        var db = cli.Services.GetRequiredService<AppDbContext>();
        var last = (await db.Database.GetAppliedMigrationsAsync(cli.Ct)).LastOrDefault();
        var provider = db.IsPostgres ? "PostgreSQL" : "SQLite";
        await cli.Out.WriteLineAsync(applied.Count == 0
            ? $"The {provider} database is up to date (last migration {last})."
            : $"Applied {applied.Count} migration(s) to the {provider} database: {string.Join(", ", applied)}.");
        return 0;
    }

    /// <summary>Applies what is pending and returns those migration ids.</summary>
    public static async Task<IReadOnlyList<string>> ApplyMigrationsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!db.IsPostgres) EnsureSqliteFolder(db.Database.GetConnectionString());
        await db.PrepareMigrationsHistoryAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await services.MigrateDatabaseAsync(ct);
        return pending;
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
