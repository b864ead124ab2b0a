using System.Security.Cryptography;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Invariant 9: the stock is never stored or backed up in plain text. The database file and a backup are searched
/// byte by byte for every item; the items still reach the buyer, duplicates are still refused, a restored backup delivers.
/// </summary>
public sealed class StockEncryptionTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    private static readonly string[] Lines = ["netflix-vip@mail.test:Rahasia#01", "netflix-vip@mail.test:Rahasia#02", "KUNCI-WIN-77AB-99CD"];

    [Fact]
    public async Task ImportedStock_IsNeitherInTheDatabaseFileNorInABackup_AndStillReachesTheBuyer()
    {
        var productId = await SeedProductAsync("NFX", "Netflix", 10_000, items: 0);
        var imported = await ImportAsync(productId, Lines);
        Assert.Equal(3, imported.Added);

        await BuyWithBalanceAsync(70_001, productId, 10_000, quantity: 2);
        var delivery = await Bot.WaitForAsync(c => c.ChatId == 70_001 && c.Text?.Contains("Pembayaran diterima") == true, what: "delivery");
        Assert.Contains(Lines[0], delivery.Text);
        Assert.Contains(Lines[1], delivery.Text);

        var sha256 = Lines.Select(l => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(l))));
        Assert.Empty(StockFiles.Found(StockFiles.SqliteBytes(App.Database), Lines.Concat(sha256)));
        var backup = await BackupFiles.BackupAsync(App.Database);
        Assert.Empty(StockFiles.Found(backup, Lines));
        Assert.Empty(StockFiles.Found(Encoding.UTF8.GetBytes(BackupFiles.Decompress(backup)), Lines));
        Assert.Contains("stock_items", BackupFiles.Decompress(backup)); // the rows are in it, sealed
    }

    [Fact]
    public async Task Import_StillRefusesDuplicates_WithAKeyedHash()
    {
        var productId = await SeedProductAsync("KEY", "Windows Key", 10_000, items: 0);
        Assert.Equal(3, (await ImportAsync(productId, Lines)).Added);

        var again = await ImportAsync(productId, [Lines[0], " " + Lines[2] + " ", "KUNCI-BARU-1", "KUNCI-BARU-1"]);

        Assert.Equal(1, again.Added);
        Assert.Equal(3, again.Duplicates);
        var hashes = await App.QueryAsync(db => db.StockItems.Select(s => s.ContentHash).ToListAsync());
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Lines[0]))), hashes); // not a plain hash
        Assert.Equal([.. Lines, "KUNCI-BARU-1"], await App.StockContentsAsync(s => s.ProductId == productId));
    }

    [Fact]
    public async Task Backup_RestoredWithTheSameKey_Delivers()
    {
        var productId = await SeedProductAsync("SPT", "Spotify", 5_000, items: 0);
        await ImportAsync(productId, Lines[..2]);
        var backup = await BackupFiles.BackupAsync(App.Database);
        await BuyWithBalanceAsync(70_010, productId, 5_000, quantity: 2);
        Assert.Equal(2, await SoldCountAsync(productId));

        var restored = await BackupFiles.RestoreAsync(App.Database, backup, force: true);
        Assert.Equal(0, await SoldCountAsync(productId)); // back to before the sale, from sealed rows
        Assert.True(restored.Status == BotAutoOrder.Domain.Backups.RestoreStatus.Restored, restored.ToString());

        await BuyWithBalanceAsync(70_011, productId, 5_000, quantity: 2);
        var delivery = await Bot.WaitForAsync(c => c.ChatId == 70_011 && c.Text?.Contains("Pembayaran diterima") == true, what: "delivery after restore");
        Assert.Contains(Lines[0], delivery.Text);
        Assert.Contains(Lines[1], delivery.Text);
    }

    private async Task<StockImportResult> ImportAsync(long productId, IEnumerable<string> lines)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StockImportService>().ImportAsync(productId, lines, AuditLog.Job("test"), CancellationToken.None);
    }
}
