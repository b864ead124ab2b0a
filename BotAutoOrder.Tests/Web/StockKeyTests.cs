using System.Security.Cryptography;
using System.Text;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The stock key at start-up (ADR-011): plain rows are encrypted on the first start with a key, a wrong or missing key
/// stops the start naming <c>Stock:EncryptionKey</c>, the embedded default generates its key file once, and
/// <c>rotate-stock-key</c> can be interrupted and resumed without an item becoming unreadable.
/// </summary>
public class StockKeyTests
{
    private static readonly string[] Items = ["akun-lama-1@mail.test:Sandi!1", "akun-lama-2@mail.test:Sandi!2", "akun-lama-3@mail.test:Sandi!3",
        "akun-lama-4@mail.test:Sandi!4", "akun-lama-5@mail.test:Sandi!5", "akun-lama-6@mail.test:Sandi!6", "akun-lama-7@mail.test:Sandi!7"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Start_FirstWithAKeyOverPlainRows_EncryptsThem(DatabaseProvider provider)
    {
        var database = await TestDbContexts.CreateMigratedAsync(provider, "plain");
        var productId = await SeedAsync(database, TestStockKeys.Cipher, Items[..3]);
        await using (var db = TestDbContexts.Create(database))
        {
            // What a database from before encryption holds after the migration: plain text, a plain SHA-256, no key id.
            foreach (var item in await db.StockItems.OrderBy(s => s.Id).Select(s => new { s.Id, s.Ciphertext }).ToListAsync())
            {
                var plain = TestStockKeys.Cipher.Open(item.Ciphertext, TestStockKeys.KeyId(TestStockKeys.Key));
                await db.StockItems.Where(s => s.Id == item.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Ciphertext, plain).SetProperty(x => x.KeyId, (string?)null).SetProperty(x => x.ContentHash, Sha256(plain)));
            }
        }
        if (provider == DatabaseProvider.Sqlite) Assert.Equal(3, StockFiles.Found(StockFiles.SqliteBytes(database), Items[..3]).Count); // the search works

        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(database, bot);
        app.Start();

        Assert.Equal(Items[..3], await app.StockContentsAsync(s => s.ProductId == productId));
        var keyIds = await app.QueryAsync(db => db.StockItems.Select(s => s.KeyId).Distinct().ToListAsync());
        Assert.Equal([TestStockKeys.KeyId(TestStockKeys.Key)], keyIds);
        if (provider == DatabaseProvider.Sqlite)
            Assert.Empty(StockFiles.Found(StockFiles.SqliteBytes(database), Items[..3].Concat(Items[..3].Select(Sha256))));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Start_WithEncryptedStockAndAnotherKey_StopsNamingTheKey(DatabaseProvider provider)
    {
        var database = await TestDbContexts.CreateMigratedAsync(provider, "wrongkey");
        await SeedAsync(database, TestStockKeys.Cipher, Items[..2]);
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(database, bot, new Dictionary<string, string?> { ["Stock:EncryptionKey"] = TestStockKeys.OtherKey });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("Stock:EncryptionKey", Messages(error));
        Assert.Contains(TestStockKeys.KeyId(TestStockKeys.Key), Messages(error)); // says which key the stock needs
    }

    [Theory]
    [InlineData("not-base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "is 5 bytes")]
    public async Task Start_WithAMalformedKey_StopsNamingTheKey(string key, string problem)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "badkey");
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(database, bot, new Dictionary<string, string?> { ["Stock:EncryptionKey"] = key });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains($"Stock:EncryptionKey {problem}", Messages(error));
    }

    [Fact]
    public async Task Start_OnPostgresWithoutAKey_GeneratesTheKeyFileAndRefusesOnceItIsLost()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, "nokey");
        var keyFile = Path.Combine(Path.GetTempPath(), "botautoorder-tests", "pgkey-" + Guid.NewGuid().ToString("N"), "stock.key");
        var noKey = new Dictionary<string, string?> { ["Stock:EncryptionKey"] = "", ["Stock:KeyFile"] = keyFile };
        await using var bot = await BotApiDouble.StartAsync();
        await using (var first = new ShopApp(database, bot, noKey))
        {
            first.Start();
            Assert.True(File.Exists(keyFile), "without Stock:EncryptionKey a key file is generated");
            await SeedAsync(database, first.GetService<StockCipher>(), Items[..1]);
        }
        File.Delete(keyFile);
        await using var second = new ShopApp(database, bot, noKey);

        var error = Assert.ThrowsAny<Exception>(() => second.Start());

        Assert.Contains("Stock:EncryptionKey", Messages(error));
    }

    [Fact]
    public async Task EmbeddedDefault_GeneratesItsKeyFileOnce_AndRefusesToStartWhenTheFileIsLost()
    {
        var folder = Path.Combine(Path.GetTempPath(), "botautoorder-tests", "keyfile-" + Guid.NewGuid().ToString("N"));
        var database = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={folder}/shop.db");
        var noKey = new Dictionary<string, string?> { ["Stock:EncryptionKey"] = "" };
        var keyFile = Path.Combine(folder, "stock.key");
        await using var bot = await BotApiDouble.StartAsync();
        long productId;
        await using (var first = new ShopApp(database, bot, noKey))
        {
            first.Start();
            Assert.True(File.Exists(keyFile), "the key file is generated beside the database");
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            productId = await SeedAsync(database, first.GetService<StockCipher>(), Items[..2]);
        }
        var key = await File.ReadAllTextAsync(keyFile);

        await using (var second = new ShopApp(database, bot, noKey))
        {
            second.Start();
            Assert.Equal(key, await File.ReadAllTextAsync(keyFile)); // reused, not replaced
            Assert.Equal(Items[..2], await second.StockContentsAsync(s => s.ProductId == productId));
        }

        File.Delete(keyFile);
        await using var third = new ShopApp(database, bot, noKey);
        var error = Assert.ThrowsAny<Exception>(() => third.Start());
        Assert.Contains("Stock:EncryptionKey", Messages(error));
        Assert.False(File.Exists(keyFile), "no new key is generated over encrypted stock");
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task RotateStockKey_InterruptedHalfwayAndResumed_LeavesEveryItemReadable(DatabaseProvider provider)
    {
        var database = await TestDbContexts.CreateMigratedAsync(provider, "rotate");
        var productId = await SeedAsync(database, TestStockKeys.Cipher, Items);
        var oldId = TestStockKeys.KeyId(TestStockKeys.Key);
        var newId = TestStockKeys.KeyId(TestStockKeys.OtherKey);
        var rotating = new Dictionary<string, string?>
        {
            ["Stock:EncryptionKey"] = TestStockKeys.OtherKey, ["Stock:PreviousEncryptionKey"] = TestStockKeys.Key,
        };
        await using var bot = await BotApiDouble.StartAsync();
        await using (var app = new ShopApp(database, bot, rotating))
        {
            app.Start();
            using var interrupt = new CancellationTokenSource();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var rotation = scope.ServiceProvider.GetRequiredService<StockKeyRotation>();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotation.RunAsync(3, plainOnly: false,
                    async (_, _) => await interrupt.CancelAsync(), interrupt.Token));
            }

            var keys = await app.QueryAsync(db => db.StockItems.GroupBy(s => s.KeyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!, g => g.Count));
            Assert.Equal(new Dictionary<string, int> { [newId] = 3, [oldId] = 4 }, keys); // half-way: one batch done
            Assert.Equal(Items, await app.StockContentsAsync(s => s.ProductId == productId));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var import = scope.ServiceProvider.GetRequiredService<StockImportService>();
                var again = await import.ImportAsync(productId, [Items[0], Items[6]], "test", CancellationToken.None);
                Assert.Equal(2, again.Duplicates); // one under the new key, one still under the old key
            }
        }

        var resumed = await CliProcess.RunAsync(database, null, new Dictionary<string, string>
        {
            ["Stock__EncryptionKey"] = TestStockKeys.OtherKey, ["Stock__PreviousEncryptionKey"] = TestStockKeys.Key,
            ["Stock__RotationBatchSize"] = "2",
        }, "rotate-stock-key");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("4 stock item(s) to re-encrypt", resumed.Out);
        Assert.Contains("0 left", resumed.Out);

        await using var after = new ShopApp(database, bot, new Dictionary<string, string?> { ["Stock:EncryptionKey"] = TestStockKeys.OtherKey });
        after.Start(); // the old key is no longer needed
        Assert.Equal(Items, await after.StockContentsAsync(s => s.ProductId == productId));
        Assert.Equal([newId], await after.QueryAsync(db => db.StockItems.Select(s => s.KeyId).Distinct().ToListAsync()));
    }

    private static async Task<long> SeedAsync(TestDatabase database, StockCipher cipher, IEnumerable<string> items)
    {
        await using var db = TestDbContexts.Create(database);
        var now = DateTime.UtcNow;
        var category = new Category("Akun", 1, now);
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        var product = new Product("AKN" + Random.Shared.Next(1000, 9999), "Akun Lama", category.Id, 10_000, now);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.StockItems.AddRange(items.Select(i => new StockItem(product.Id, cipher.Seal(i), now)));
        await db.SaveChangesAsync();
        return product.Id;
    }

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    private static string Messages(Exception e)
    {
        var all = new StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            all.AppendLine(x.Message);
            if (x is AggregateException agg) foreach (var inner in agg.InnerExceptions) all.AppendLine(Messages(inner));
        }
        return all.ToString();
    }
}
