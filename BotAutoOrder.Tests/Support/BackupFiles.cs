using System.IO.Compression;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Settings;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotAutoOrder.Tests.Support;

/// <summary>Backup and restore on test databases, and the ways a backup file can be spoiled.</summary>
public static class BackupFiles
{
    public static BackupService Service(AppDbContext db) =>
        new(db, new AuditLog(db, TimeProvider.System), new SettingsCache(), TimeProvider.System, NullLogger<BackupService>.Instance);

    public static async Task<byte[]> BackupAsync(TestDatabase database)
    {
        await using var db = TestDbContexts.Create(database);
        using var file = new MemoryStream();
        await Service(db).WriteAsync(file, CancellationToken.None);
        return file.ToArray();
    }

    public static async Task<RestoreResult> RestoreAsync(TestDatabase database, byte[] file, bool force = false)
    {
        await using var db = TestDbContexts.Create(database);
        using var stream = new MemoryStream(file);
        return await Service(db).RestoreAsync(stream, force, AuditLog.Job("test"), CancellationToken.None);
    }

    /// <summary>The Data Protection key ring is never in a backup (a backup must not mint sign-in cookies).</summary>
    public const string KeyTable = "data_protection_keys";

    /// <summary>A table dump without the tables a backup leaves out.</summary>
    public static Dictionary<string, string> Backupable(Dictionary<string, string> dump) =>
        dump.Where(t => t.Key != KeyTable).ToDictionary(t => t.Key, t => t.Value);

    public static string Decompress(byte[] file)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static byte[] Compress(string json)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        return output.ToArray();
    }
}
