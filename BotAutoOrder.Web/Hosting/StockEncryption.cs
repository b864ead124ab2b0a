using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// Start-up of stock encryption (ADR-011): find the key (<c>Stock:EncryptionKey</c>, else the key file, else — SQLite
/// only, and only while no stock is encrypted — generate the key file), check that every key the database's items were
/// sealed with is configured and really opens them, then encrypt any plain rows left from before encryption and scrub
/// the freed pages. Any problem stops the start with a message naming <c>Stock:EncryptionKey</c>.
/// </summary>
public static class StockEncryption
{
    public const string KeyFileName = "stock.key";

    public static IServiceCollection AddStockEncryption(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StockOptions>().Bind(config.GetSection(StockOptions.Section));
        return services;
    }

    public static async Task PrepareStockEncryptionAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<StockOptions>>().Value;
        var db = sp.GetRequiredService<AppDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StockEncryption));
        var cipher = sp.GetRequiredService<StockCipher>();

        var current = await CurrentKeyAsync(options, db, log, ct);
        var previous = string.IsNullOrWhiteSpace(options.PreviousEncryptionKey)
            ? []
            : new[] { Parse(options.PreviousEncryptionKey, "Stock:PreviousEncryptionKey") };
        cipher.Load(current, previous);

        var keyIds = await db.StockItems.Where(s => s.KeyId != null).Select(s => s.KeyId!).Distinct().ToListAsync(ct);
        var unknown = keyIds.Where(id => !cipher.Knows(id)).ToList();
        if (unknown.Count > 0)
            throw new StockKeyException($"Stock items are encrypted with key {string.Join(", ", unknown)}, but Stock:EncryptionKey is key {current.Id}: " +
                "configure the Stock:EncryptionKey they were sealed with (during a rotation the old one goes in " +
                    "Stock:PreviousEncryptionKey).");
        foreach (var id in keyIds)
        {
            var sample = await db.StockItems.Where(s => s.KeyId == id).OrderBy(s => s.Id).Select(s => s.Ciphertext).FirstAsync(ct);
            cipher.Open(sample, id); // a wrong key or a damaged row stops the start here, not at a buyer's delivery
        }

        var rotation = sp.GetRequiredService<StockKeyRotation>();
        var migrated = await rotation.RunAsync(options.RotationBatchSize, plainOnly: true, null, ct);
        if (migrated > 0)
        {
            await ScrubAsync(db, ct);
            log.LogWarning("Encrypted {Count} stock item(s) that were stored in plain text, with key {KeyId}", migrated, current.Id);
        }
    }

    private static async Task<StockKey> CurrentKeyAsync(StockOptions options, AppDbContext db, ILogger log, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey)) return Parse(options.EncryptionKey, "Stock:EncryptionKey");
        var file = string.IsNullOrWhiteSpace(options.KeyFile) ? DefaultKeyFile(db) : Path.GetFullPath(options.KeyFile);
        if (file is not null && File.Exists(file)) return Parse(await File.ReadAllTextAsync(file, ct), $"Stock:KeyFile ({file})");
        if (await db.StockItems.AnyAsync(s => s.KeyId != null, ct))
            throw new StockKeyException("The stock in this database is encrypted but no key is configured: set Stock:EncryptionKey" +
                (file is null ? "." : $" or put the key file back at {file}."));
        if (file is null)
            throw new StockKeyException("Stock:EncryptionKey is not set and there is no file to keep a generated key in: " +
                "set Stock:EncryptionKey (openssl rand -base64 32) or Stock:KeyFile.");
        if (db.IsPostgres)
            log.LogWarning("Stock:EncryptionKey is not set: generating {KeyFile}. On PostgreSQL set Stock:EncryptionKey explicitly " +
                "(every instance needs the same key, and a key file lost with a container makes the stock unreadable)", file);
        var key = WriteNewKeyFile(file);
        log.LogWarning("Generated the stock encryption key file {KeyFile}: back it up apart from the database; without it the stock " +
            "cannot be read", file);
        return Parse(key, $"Stock:KeyFile ({file})");
    }

    private static StockKey Parse(string text, string name) =>
        StockKey.TryParse(text, out var key, out var problem)
            ? key!
            : throw new StockKeyException($"{name} {problem}: it must be 32 random bytes in base64 (generate one with: openssl rand -base64 32).");

    /// <summary>
    /// SQLite: <c>stock.key</c> in the database file's folder (<c>data/</c> by default). PostgreSQL: <c>data/stock.key</c>
    /// under the working directory (the contract's "key file generated under data/"; docker-compose keeps data/ in a
    /// volume and sets the key explicitly anyway). An in-memory SQLite database has no place for it.
    /// </summary>
    private static string? DefaultKeyFile(AppDbContext db)
    {
        if (db.IsPostgres) return Path.GetFullPath(Path.Combine("data", KeyFileName));
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return null;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".", KeyFileName);
    }

    /// <summary>Creates the key file atomically (readable by the owner only); when another process won the race, its key is used.</summary>
    private static string WriteNewKeyFile(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options)) writer.WriteLine(StockKey.Generate());
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temp);
        }
        return File.ReadAllText(file);
    }

    /// <summary>Plain text of migrated rows may linger in freed pages: rewrite the file (SQLite) or the table (PostgreSQL).</summary>
    private static async Task ScrubAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM FULL stock_items;", ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}
