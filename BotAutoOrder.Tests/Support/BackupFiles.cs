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
