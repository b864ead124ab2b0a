using BotAutoOrder.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers work while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
