using System.Net;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The owner's backup page: download now, restore (confirmed, forced, refused on a bad file), scheduled files.</summary>
public abstract class DashboardBackupTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private const string ScheduledName = "botautoorder-20250101-120000.json.gz";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bao-backup-page-" + Guid.NewGuid().ToString("N"));
    private string Folder => Path.Combine(_root, "backups");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Backups:Folder"] = Folder,
    };

    private async Task SeedShopAsync()
    {
        var seed = new DashboardSeed(App);
        var product = await seed.ProductAsync("BK1", "Spotify <Premium>");
        var items = await seed.StockAsync(product.Id, "akun1:pass1", "akun2:pass2");
        var buyer = await seed.CustomerAsync(51_001, "Sari");
        await seed.OrderAsync(buyer, product, 1, OrderStatus.Paid, "INV-BK1", null, items[0]);
    }

    private async Task<(Dictionary<string, string> Dump, string AuditTable)> DumpAsync()
    {
        var audit = await App.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(AuditEntry))!.GetTableName()!));
        return (await TableDump.OfAsync(App.Database), audit);
    }

    private static async Task<byte[]> DownloadAsync(DashboardClient owner)
    {
        using var response = await owner.PostFormAsync("/admin/backup?handler=Download", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^botautoorder-\d{8}-\d{6}\.json\.gz$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> RestoreAsync(DashboardClient owner, byte[] file, bool confirmed = true, bool force = true)
    {
        var fields = new List<(string, string)>();
        if (confirmed) fields.Add(("Input.Confirmed", "true"));
        if (force) fields.Add(("Input.Force", "true"));
        return owner.PostFileAsync("/admin/backup?handler=Restore", "file", "backup.json.gz", file, fields);
    }

    [Fact]
    public async Task Admin_IsDeniedTheBackupPage_AndItsDownloads()
    {
        await SeedShopAsync();
        var admin = await AdminAsync();

        foreach (var url in new[] { "/admin/backup", $"/admin/backup?handler=File&name={ScheduledName}" })
        {
            using var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
            using var denied = await admin.GetAsync(response.Headers.Location.ToString());
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using var post = await admin.PostFormAsync("/admin/backup?handler=Download", [], formPage: "/admin");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/access-denied", post.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin/backup\"", await admin.GetPageAsync("/admin"));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.BackupDownloaded)));
    }

    [Fact]
    public async Task BackupDownload_RestoredForced_EveryRowTheSame()
    {
        await SeedShopAsync();
        var owner = await OwnerAsync();

        var backup = await DownloadAsync(owner);

        Assert.True(backup.Length > 2 && backup[0] == 0x1f && backup[1] == 0x8b, "not gzip");
        Assert.Contains("INV-BK1", BackupFiles.Decompress(backup));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.BackupDownloaded && a.Actor == "admin:" + OwnerEmail)));
        var (before, auditTable) = await DumpAsync();

        using var unforced = await RestoreAsync(owner, backup, force: false);
        Assert.Equal(HttpStatusCode.OK, unforced.StatusCode);
        Assert.Contains("Basis data ini berisi pesanan atau pembeli", await unforced.Content.ReadAsStringAsync());
        TableDump.AssertEqual(before, (await DumpAsync()).Dump);

        var page = await owner.FollowAsync(await RestoreAsync(owner, backup));

        Assert.Contains("Restored", page);
        Assert.Contains("status ok", page);
        var (after, _) = await DumpAsync();
        var expected = TableDump.Counts(before);
        expected[auditTable]++; // + backup.restored
        Assert.Equal(expected, TableDump.Counts(after));
        Assert.Equal(["akun1:pass1", "akun2:pass2"], await App.StockContentsAsync(_ => true));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.BackupRestored && a.Actor == "admin:" + OwnerEmail)));
        Assert.Contains("INV-BK1", await owner.GetPageAsync("/admin/orders")); // still signed in, data there
    }

    [Fact]
    public async Task CorruptedOrForeignUpload_IsRefusedWithTheServiceMessage_AndNothingChanges()
    {
        await SeedShopAsync();
        var owner = await OwnerAsync();
        var backup = await DownloadAsync(owner);
        var (before, _) = await DumpAsync();
        var corrupted = backup.ToArray();
        for (var i = corrupted.Length / 2; i < corrupted.Length / 2 + 64 && i < corrupted.Length; i++) corrupted[i] ^= 0x5A;

        foreach (var bad in new[] { corrupted, backup[..(backup.Length / 2)], Encoding.UTF8.GetBytes("hello, not a backup") })
        {
            var page = await owner.FollowAsync(await RestoreAsync(owner, bad));

            Assert.Contains("Refused:", page);
            Assert.Contains("Nothing was changed.", page);
            Assert.Contains("status error", page);
            TableDump.AssertEqual(before, (await DumpAsync()).Dump);
        }

        using var unconfirmed = await RestoreAsync(owner, backup, confirmed: false);
        Assert.Contains("Centang \"Saya yakin — semua data akan diganti\" untuk konfirmasi.",
            WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        TableDump.AssertEqual(before, (await DumpAsync()).Dump);
    }

    [Fact]
    public async Task ScheduledBackups_AreListedAndDownloadable_ByExactNameOnly()
    {
        Directory.CreateDirectory(Folder);
        byte[] content = [0x1f, 0x8b, 1, 2, 3, 4];
        await File.WriteAllBytesAsync(Path.Combine(Folder, ScheduledName), content);
        await File.WriteAllTextAsync(Path.Combine(Folder, "notes.txt"), "not a backup");
        await File.WriteAllTextAsync(Path.Combine(_root, "botautoorder-20250102-120000.json.gz"), "outside the folder");
        var owner = await OwnerAsync();

        var page = await owner.GetPageAsync("/admin/backup");

        Assert.Contains(ScheduledName, page);
        Assert.DoesNotContain("notes.txt", page);
        using (var file = await owner.GetAsync($"/admin/backup?handler=File&name={ScheduledName}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(content, await file.Content.ReadAsByteArrayAsync());
        }
        foreach (var name in new[] { "../botautoorder-20250102-120000.json.gz", "..%2Fbotautoorder-20250102-120000.json.gz",
                     "..\\botautoorder-20250102-120000.json.gz", "notes.txt", Path.Combine(_root, "botautoorder-20250102-120000.json.gz"),
                     "botautoorder-20250101-120000.json.gz/../notes.txt", "" })
        {
            using var refused = await owner.GetAsync($"/admin/backup?handler=File&name={name}");
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{name}: {(int)refused.StatusCode}");
        }
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.BackupDownloaded)));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

public sealed class DashboardBackupSqliteTests() : DashboardBackupTests(DatabaseProvider.Sqlite);
