using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Domain;

/// <summary>
/// The /start figures are counted at most every 30 s (issue 11: three COUNTs over all orders and buyers on every
/// /start). Against a real database: a buyer who joins inside the window is not counted until it has passed.
/// </summary>
public abstract class StoreStatsCacheTests(DatabaseProvider provider)
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Stats_AreCountedOnce_ThenServedFromCacheUntilTheLifetimeHasPassed()
    {
        var database = await TestDbContexts.CreateMigratedAsync(provider, "stats");
        var clock = new ManualClock();
        var cache = new StoreStatsCache();
        async Task<StoreStats> StatsAsync()
        {
            await using var db = TestDbContexts.Create(database);
            return await new CatalogService(db, cache, clock).GetStatsAsync(default);
        }
        async Task JoinAsync(long id)
        {
            await using var db = TestDbContexts.Create(database);
            db.Customers.Add(new Customer(id, "Budi", null, null, "id", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await JoinAsync(1);
        Assert.Equal(1, (await StatsAsync()).Buyers);
        await JoinAsync(2);
        clock.Now += StoreStatsCache.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(1, (await StatsAsync()).Buyers); // not counted again inside the window
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(2, (await StatsAsync()).Buyers);
    }
}

public sealed class StoreStatsCachePostgresTests() : StoreStatsCacheTests(DatabaseProvider.Postgres);

public sealed class StoreStatsCacheSqliteTests() : StoreStatsCacheTests(DatabaseProvider.Sqlite);
