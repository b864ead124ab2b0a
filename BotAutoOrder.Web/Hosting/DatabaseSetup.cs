using BotAutoOrder.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

public static class DatabaseSetup
{
    public const string MigrationsTable = "__ef_migrations";

    /// <summary>Registers <see cref="AppDbContext"/> on the configured provider (<c>Database:Provider</c>).</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DatabaseOptions.DefaultConnectionString;
        services.AddOptions<DatabaseOptions>()
            .Bind(config.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = connectionString)
            .ValidateOnStart();

        var provider = config.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o =>
                o.UseNpgsql(connectionString, x => x.MigrationsHistoryTable(MigrationsTable)));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
                o.UseSqlite(connectionString, x => x.MigrationsHistoryTable(MigrationsTable)));
        }
        return services;
    }

    /// <summary>Applies pending migrations (EF Core takes a lock, so several instances may start at once).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.IsPostgres) EnsureSqliteFolder(db.Database.GetConnectionString());
        await db.PrepareMigrationsHistoryAsync(ct);
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers work while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Serving: checks the database answers (an unreachable one is a start-up problem naming the provider and host,
    /// not a stack trace), then migrates.
    /// </summary>
    public static async Task MigrateAtStartAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(options.ConnectionString);
        }
        catch (Exception e) when (DatabaseUnreachable.Describe(e, options.Provider, options.ConnectionString) is { } problem)
        {
            throw problem;
        }
        await DatabaseUnreachable.EnsureReachableAsync(options.Provider, options.ConnectionString, ct);
        await app.Services.MigrateDatabaseAsync(ct);
    }

    /// <summary>
    /// Npgsql's migrator first reads the history table and, on a fresh database, logs the "relation does not exist"
    /// failure at Error level before handling it (npgsql/efcore.pg#3407). Creating the (empty) table first keeps a
    /// clean first start free of error lines, so real errors stay loud. The advisory lock keeps two instances that
    /// start together from racing on <c>CREATE TABLE IF NOT EXISTS</c>. A missing database is left to the migrator,
    /// which creates it.
    /// </summary>
    public static async Task PrepareMigrationsHistoryAsync(this AppDbContext db, CancellationToken ct)
    {
        if (!db.IsPostgres) return;
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return;
        var create = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        // EF's own DDL script and a constant: nothing from outside reaches this SQL.
        var sql = "SELECT pg_advisory_xact_lock(" + HistoryLockKey + ");\n" + create;
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private const long HistoryLockKey = 0x0B07_A070_15;

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
