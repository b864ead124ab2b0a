using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>A backup cannot mint sign-in cookies, the key ring is encrypted at rest, and a crafted backup cannot inflate without end.</summary>
public class BackupSecurityTests
{
    [Fact]
    public async Task Backup_OfAShopWithKeys_HasNoKeyRows()
    {
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "bkkeys"), bot);
        var client = app.Start();
        (await client.GetAsync("/login")).EnsureSuccessStatusCode(); // the antiforgery token makes the key ring
        Assert.True(await app.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));

        await using var scope = app.Services.CreateAsyncScope();
        using var file = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<BackupService>().WriteAsync(file, CancellationToken.None);

        var json = BackupFiles.Decompress(file.ToArray());
        Assert.DoesNotContain("data_protection_keys", json);
        Assert.DoesNotContain("<key id=", json);
        Assert.Contains("dashboard_users", json);
    }

    [Fact]
    public async Task KeyRing_WithCertificate_IsStoredEncrypted()
    {
        var folder = Directory.CreateTempSubdirectory("bao-cert").FullName;
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=botautoorder-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        }
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "dpcert"), bot, new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-pass",
            ["Admin:Email"] = DashboardTestBase.OwnerEmail, ["Admin:Password"] = DashboardTestBase.OwnerPassword,
        });
        var client = app.Start();

        using var owner = new DashboardClient(client.BaseAddress!);
        using var signIn = await owner.SignInAsync(DashboardTestBase.OwnerEmail, DashboardTestBase.OwnerPassword);
        Assert.Equal("/admin", signIn.Headers.Location?.ToString()); // keys encrypted and decrypted again
        var xml = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(xml);
        Assert.All(xml, x => Assert.Contains("EncryptedData", x));
        Assert.All(xml, x => Assert.DoesNotContain("<masterKey", x));
    }

    [Fact]
    public async Task Start_WithMissingKeyCertificate_FailsNamingTheKey()
    {
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "dpcert"), bot, new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = "/nonexistent/keys.pfx",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains(ConfigurationTests.Flatten(error), m => m.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(600, 1_000_000, "inflates to more than 512 MB")] // ~1 MB of gzip, 600 MB of small values
    [InlineData(1, 40_000_000, "single value in the file is larger than 32 MB")]
    public async Task Restore_GzipInflatingPastTheCap_IsRefusedAndChangesNothing(int values, int valueLength, string expected)
    {
        var target = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_bomb");
        await using (var db = TestDbContexts.Create(target))
        {
            db.Customers.Add(new Customer(7, "Tetap", null, null, "id", ShopSeed.T0));
            await db.SaveChangesAsync();
        }
        var before = await TableDump.OfAsync(target);
        var bomb = Bomb(values, valueLength);
        Assert.True(bomb.Length < 1_200_000, $"the crafted file is {bomb.Length} bytes");

        var result = await BackupFiles.RestoreAsync(target, bomb, force: true);

        Assert.Equal(RestoreStatus.InvalidFile, result.Status);
        Assert.Contains(expected, result.Message);
        TableDump.AssertEqual(before, await TableDump.OfAsync(target));
    }

    /// <summary>A backup header followed by <paramref name="values"/> string fields of <paramref name="valueLength"/> letters.</summary>
    private static byte[] Bomb(int values, int valueLength)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes($"{{\"format\":\"{BackupHeader.FormatName}\""));
            var letters = Encoding.ASCII.GetBytes(new string('A', valueLength));
            for (var i = 0; i < values; i++)
            {
                gzip.Write(",\"pad\":\""u8);
                gzip.Write(letters);
                gzip.Write("\""u8);
            }
        }
        return output.ToArray();
    }
}
