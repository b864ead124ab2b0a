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
    public async Task MigrationSet_IsNotBehindTheModel(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "model");
        await using var db = Create(database);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migration set is behind the model: run 'dotnet ef migrations add <Name> --context {db.GetType().Name} " +
            $"-o Data/Migrations/{provider}' in BotAutoOrder.Domain.");
    }

    internal static AppDbContext Create(TestDatabase database) => database.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable(DatabaseSetup.MigrationsTable)).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable(DatabaseSetup.MigrationsTable)).Options);
}
