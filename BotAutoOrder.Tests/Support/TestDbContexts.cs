using BotAutoOrder.Domain.Data;
using BotAutoOrder.Tests.Domain;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Support;

/// <summary>A context on a test database (as <see cref="MigrationTests"/> builds it), optionally migrated.</summary>
public static class TestDbContexts
{
    public static AppDbContext Create(TestDatabase database) => MigrationTests.Create(database);

    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, string prefix)
    {
        var database = await TestDatabase.CreateAsync(provider, prefix);
        await using var db = Create(database);
        await db.Database.MigrateAsync();
        return database;
    }
}
