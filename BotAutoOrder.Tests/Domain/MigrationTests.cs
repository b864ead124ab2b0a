using BotAutoOrder.Domain.Data;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Domain;

/// <summary>Both migration sets apply to an empty database and are current with the model.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task MigrationSet_AppliesToEmptyDatabase_AndLeavesNothingPending(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "migr");
        await using var db = Create(database);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Customers.CountAsync()); // tables exist and answer
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task MigrationSet_EachProvider_IsNotBehindTheModel(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "model");
        await using var db = Create(database);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migration set is behind the model: run 'dotnet ef migrations add <Name> --context {db.GetType().Name} " +
            $"-o Data/Migrations/{provider}' in BotAutoOrder.Domain.");
    }

    /// <summary>
    /// Every mapped column exists after the migrations ran. Two migrations written in parallel can each rebuild a SQLite
    /// table from their own idea of it (SQLite cannot add a check constraint in place), and the later rebuild silently
    /// drops the column the other one added; "nothing pending" and "not behind the model" both still pass then.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task MigrationSet_EachProvider_CreatesEveryColumnOfTheModel(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "cols");
        await using var db = Create(database);
        await db.Database.MigrateAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            await using var command = connection.CreateCommand();
            command.CommandText = provider == DatabaseProvider.Postgres
                ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'"
                : $"SELECT name FROM pragma_table_info('{table}')";
            var columns = new HashSet<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            missing.AddRange(entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>()
                .Where(c => !columns.Contains(c)).Select(c => $"{table}.{c}"));
        }

        Assert.True(missing.Count == 0, $"columns of the model missing after the {provider} migrations: {string.Join(", ", missing)}");
    }

    internal static AppDbContext Create(TestDatabase database) => database.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable(DatabaseSetup.MigrationsTable)).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable(DatabaseSetup.MigrationsTable)).Options);
}
