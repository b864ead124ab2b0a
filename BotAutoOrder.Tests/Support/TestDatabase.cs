using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Support;

/// <summary>A fresh empty database on the chosen provider: a private PostgreSQL database or a temp SQLite file.</summary>
public sealed record TestDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string prefix = "t")
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            return new TestDatabase(provider, await server.CreateDatabaseAsync(prefix));
        }
        var folder = Path.Combine(Path.GetTempPath(), "botautoorder-tests");
        Directory.CreateDirectory(folder);
        return new TestDatabase(provider, $"Data Source={Path.Combine(folder, $"{prefix}-{Guid.NewGuid():N}.db")};Default Timeout=60");
    }
}
