using System.Globalization;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Backups;

namespace BotAutoOrder.Web.Backups;

/// <summary>The scheduled backups in one folder: <c>botautoorder-YYYYMMDD-HHmmss.json.gz</c>, the time (UTC) in the name.</summary>
public sealed partial class BackupFolder(string folder)
{
    private const string TimeFormat = "yyyyMMdd-HHmmss";

    public string Path { get; } = System.IO.Path.GetFullPath(folder);

    [GeneratedRegex(@"^botautoorder-(\d{8}-\d{6})\.json\.gz$")]
    private static partial Regex FileName();

    public static string NameFor(DateTime takenAtUtc) =>
        $"botautoorder-{takenAtUtc.ToString(TimeFormat, CultureInfo.InvariantCulture)}.json.gz";

    /// <summary>The scheduled backups present, newest first.</summary>
    public IReadOnlyList<(string File, DateTime TakenAtUtc)> List()
    {
        if (!Directory.Exists(Path)) return [];
        return Directory.EnumerateFiles(Path, "botautoorder-*.json.gz")
            .Select(f => (File: f, Match: FileName().Match(System.IO.Path.GetFileName(f))))
            .Where(x => x.Match.Success)
            .Select(x => (x.File,
                DateTime.SpecifyKind(DateTime.ParseExact(x.Match.Groups[1].Value, TimeFormat, CultureInfo.InvariantCulture),
                DateTimeKind.Utc)))
            .OrderByDescending(x => x.Item2)
            .ToList();
    }

    /// <summary>Writes a backup through a temporary file, so a crash never leaves a half file under a backup's name.</summary>
    public async Task<(string File, BackupHeader Header)> WriteAsync(BackupService backups, DateTime nowUtc, CancellationToken ct)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, NameFor(nowUtc));
        var temp = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            BackupHeader header;
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                header = await backups.WriteAsync(stream, ct);
            File.Move(temp, file, overwrite: true);
            return (file, header);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Deletes backups taken before <paramref name="cutoffUtc"/>, always keeping the newest one.</summary>
    public IReadOnlyList<string> Prune(DateTime cutoffUtc)
    {
        var old = List().Skip(1).Where(b => b.TakenAtUtc < cutoffUtc).Select(b => b.File).ToList();
        foreach (var file in old) File.Delete(file);
        return old;
    }
}
