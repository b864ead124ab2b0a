using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Domain;

/// <summary>Backups move a shop between SQLite and PostgreSQL losslessly; bad files and occupied targets are refused untouched.</summary>
public class BackupTests
{
    [Fact]
    public async Task Backup_FromSqliteIntoPostgresAndBack_EveryTableEqual()
    {
        var sqlite = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_src");
        await using (var db = TestDbContexts.Create(sqlite)) await ShopSeed.FillAsync(db);
        var original = await TableDump.OfAsync(sqlite);
        Assert.All(TableDump.Counts(original), t => Assert.True(t.Value > 0, $"the seed leaves table {t.Key} empty"));

        var postgres = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Postgres, "bk_pg");
        var toPostgres = await BackupFiles.RestoreAsync(postgres, await BackupFiles.BackupAsync(sqlite));
        Assert.Equal(RestoreStatus.Restored, toPostgres.Status);
        var inPostgres = await TableDump.OfAsync(postgres);
        Assert.Equal(0, TableDump.Counts(inPostgres)[BackupFiles.KeyTable]); // left out of the backup
        TableDump.AssertEqual(BackupFiles.Backupable(original), BackupFiles.Backupable(WithoutRestoreAudit(inPostgres)));

        var fromPostgres = await BackupFiles.BackupAsync(postgres);
        var sqliteAgain = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_back");
        var back = await BackupFiles.RestoreAsync(sqliteAgain, fromPostgres);
        Assert.Equal(RestoreStatus.Restored, back.Status);
        var roundTripped = await TableDump.OfAsync(sqliteAgain);
        // The PostgreSQL backup carries the first restore's audit entry; the second restore adds its own.
        Assert.Equal(2, JsonNode.Parse(roundTripped["audit_entries"]!)!.AsArray().Count(e => (string?)e!["Action"] == AuditActions.BackupRestored));
        TableDump.AssertEqual(BackupFiles.Backupable(original), BackupFiles.Backupable(WithoutRestoreAudit(roundTripped)));
    }

    [Fact]
    public async Task Restore_IntoPostgres_ResetsIdentitySequencesForFreshIds()
    {
        var source = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_seqsrc");
        await using (var db = TestDbContexts.Create(source)) await ShopSeed.FillAsync(db);
        var postgres = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Postgres, "bk_seq");

        Assert.True((await BackupFiles.RestoreAsync(postgres, await BackupFiles.BackupAsync(source))).Succeeded);

        await using var pg = TestDbContexts.Create(postgres);
        var maxId = await pg.Customers.MaxAsync(c => c.Id);
        var fresh = new Customer(2001, "Baru", null, null, "id", ShopSeed.T0);
        pg.Customers.Add(fresh);
        await pg.SaveChangesAsync(); // would fail with a duplicate key if the sequence still started at 1
        Assert.Equal(maxId + 1, fresh.Id);
    }

    [Fact]
    public async Task Restore_WithoutForceIntoShopWithOrdersAndBuyers_IsRefusedAndChangesNothing()
    {
        var source = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_other");
        await using (var db = TestDbContexts.Create(source))
        {
            db.Customers.Add(new Customer(5, "Satu-satunya", null, null, "id", ShopSeed.T0));
            await db.SaveChangesAsync();
        }
        var file = await BackupFiles.BackupAsync(source);
        var target = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Postgres, "bk_busy");
        await using (var db = TestDbContexts.Create(target)) await ShopSeed.FillAsync(db);
        var before = await TableDump.OfAsync(target);

        var refused = await BackupFiles.RestoreAsync(target, file);

        Assert.Equal(RestoreStatus.TargetNotEmpty, refused.Status);
        Assert.Contains("--force", refused.Message);
        TableDump.AssertEqual(before, await TableDump.OfAsync(target));

        var forced = await BackupFiles.RestoreAsync(target, file, force: true);
        Assert.Equal(RestoreStatus.Restored, forced.Status);
        await using var after = TestDbContexts.Create(target);
        Assert.Equal(["Satu-satunya"], await after.Customers.Select(c => c.FirstName).ToListAsync());
        Assert.Equal(0, await after.Orders.CountAsync());
    }

    /// <summary>Issue 10 item 10: a restore says what it would lose — orders and payments newer than the backup — before it runs.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Restore_NamesTheOrdersAndPaymentsNewerThanTheBackup_AndNeedsForceForThem(DatabaseProvider provider)
    {
        var shop = await TestDbContexts.CreateMigratedAsync(provider, "bk_loss");
        await using (var db = TestDbContexts.Create(shop)) await ShopSeed.FillAsync(db);
        var file = await BackupFiles.BackupAsync(shop);
        await using (var db = TestDbContexts.Create(shop))
        {
            var later = DateTime.UtcNow.AddMinutes(1); // sold after the backup was taken
            var buyer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
            var order = new BotAutoOrder.Domain.Orders.Order("INV-AFTER-9", buyer.Id, BotAutoOrder.Domain.Orders.PaymentMethod.Qris, 30_000, 0, null, later, later.AddMinutes(15));
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            db.Payments.Add(new BotAutoOrder.Domain.Payments.Payment(BotAutoOrder.Domain.Payments.PaymentPurpose.Order, order.Id, null, order.InvoiceCode, "qris", 30_000, later));
            await db.SaveChangesAsync();
        }
        var before = await TableDump.OfAsync(shop);

        var refused = await BackupFiles.RestoreAsync(shop, file);

        Assert.Equal(RestoreStatus.TargetNotEmpty, refused.Status);
        Assert.Equal(new RestoreLoss(1, 1, 0), refused.Loss);
        Assert.Contains("1 order(s) and 1 payment(s) newer than the backup", refused.Message);
        TableDump.AssertEqual(before, await TableDump.OfAsync(shop));

        var forced = await BackupFiles.RestoreAsync(shop, file, force: true);
        Assert.Equal(RestoreStatus.Restored, forced.Status);
        Assert.Contains("Dropped 1 order(s) and 1 payment(s)", forced.Message);
        await using var after = TestDbContexts.Create(shop);
        Assert.False(await after.Orders.AnyAsync(o => o.InvoiceCode == "INV-AFTER-9"));
    }

    public static TheoryData<string> SpoiledFiles => ["truncated", "flipped byte", "not gzip", "other format", "edited row", "empty", "newer version"];

    [Theory]
    [MemberData(nameof(SpoiledFiles))]
    public async Task Restore_SpoiledOrForeignFile_IsRefusedWithAClearMessageAndChangesNothing(string spoil)
    {
        var source = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_good");
        await using (var db = TestDbContexts.Create(source)) await ShopSeed.FillAsync(db);
        var good = await BackupFiles.BackupAsync(source);
        var (file, expected) = Spoil(good, spoil);
        var target = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_victim");
        await using (var db = TestDbContexts.Create(target))
        {
            db.Customers.Add(new Customer(7, "Tetap", null, null, "id", ShopSeed.T0));
            await db.SaveChangesAsync();
        }
        var before = await TableDump.OfAsync(target);

        var result = await BackupFiles.RestoreAsync(target, file, force: true); // forced: only the file can be the reason

        Assert.Equal(RestoreStatus.InvalidFile, result.Status);
        Assert.Contains(expected, result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was changed", result.Message);
        TableDump.AssertEqual(before, await TableDump.OfAsync(target));
    }

    [Fact]
    public async Task Backup_Header_DescribesEveryTableWithCountsAndTheLastMigration()
    {
        var source = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Postgres, "bk_head");
        await using (var db = TestDbContexts.Create(source)) await ShopSeed.FillAsync(db);
        var counts = TableDump.Counts(BackupFiles.Backupable(await TableDump.OfAsync(source)));

        var document = JsonNode.Parse(BackupFiles.Decompress(await BackupFiles.BackupAsync(source)))!;

        Assert.Equal(BackupHeader.FormatName, (string?)document["format"]);
        Assert.Equal(1, (int)document["version"]!);
        await using var check = TestDbContexts.Create(source);
        Assert.Equal((await check.Database.GetAppliedMigrationsAsync()).Last(), (string?)document["schema"]);
        var tables = document["tables"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (int)t!["rowCount"]!);
        Assert.Equal(counts.OrderBy(c => c.Key), tables.OrderBy(t => t.Key));
        Assert.DoesNotContain(tables.Keys, t => t.Contains("migrations", StringComparison.OrdinalIgnoreCase));
        var customers = document["data"]!.AsArray().Single(t => (string?)t!["name"] == "customers")!["rows"]!.AsArray();
        Assert.Equal("2026-03-01T08:00:00.123000Z", (string?)customers[0]!["CreatedAtUtc"]);
    }

    private static Dictionary<string, string> WithoutRestoreAudit(Dictionary<string, string> dump)
    {
        var audit = JsonNode.Parse(dump["audit_entries"])!.AsArray();
        var kept = new JsonArray(audit.Where(e => (string?)e!["Action"] != AuditActions.BackupRestored).Select(e => e!.DeepClone()).ToArray());
        return new Dictionary<string, string>(dump) { ["audit_entries"] = kept.ToJsonString() };
    }

    private static (byte[] File, string ExpectedMessage) Spoil(byte[] good, string how)
    {
        switch (how)
        {
            case "truncated":
                return (good[..(good.Length * 2 / 3)], "damaged");
            case "flipped byte":
                var flipped = good.ToArray();
                flipped[flipped.Length / 2] ^= 0x5A;
                return (flipped, "damaged");
            case "not gzip":
                return ("id,name\n1,Budi\n"u8.ToArray(), "not a gzip-compressed backup");
            case "other format":
                return (BackupFiles.Compress("{\"format\":\"some-other-app\",\"version\":1,\"data\":[]}"), "not a BotAutoOrder backup");
            case "edited row":
                var json = BackupFiles.Decompress(good).Replace("\"Balance\":15000", "\"Balance\":99999", StringComparison.Ordinal);
                Assert.Contains("99999", json);
                return (BackupFiles.Compress(json), "checksum");
            case "empty":
                return ([], "the file is empty");
            case "newer version":
                return (BackupFiles.Compress(BackupFiles.Decompress(good).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)), "version 2");
            default:
                throw new ArgumentOutOfRangeException(nameof(how));
        }
    }
}
