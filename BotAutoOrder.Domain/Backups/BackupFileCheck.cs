using System.IO.Compression;
using System.Text.Json;

namespace BotAutoOrder.Domain.Backups;

/// <summary>Reads a backup file end to end, checking it; a restore replaces nothing until this has passed.</summary>
internal static class BackupFileCheck
{
    /// <summary>Reads and checks the whole file, handing each row over; every way a file can be bad becomes a <see
    /// cref="BackupFormatException"/>.</summary>
    public static async Task<BackupHeader> ReadAsync(Stream source, IReadOnlyList<BackupTable> tables, RestoreLimits limits,
        Func<BackupTable, object[], Task>? onRow, CancellationToken ct)
    {
        if (source.Length == source.Position) throw new BackupFormatException("the file is empty");
        try
        {
            await using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
            await using var limited = new LimitedReadStream(gzip, limits.MaxDocumentBytes);
            var reader = await BackupFileReader.OpenAsync(limited, tables, limits.MaxValueBytes, ct);
            while (await reader.NextTableAsync(ct) is { } table)
                while (await reader.NextRowAsync(ct) is { } row)
                    if (onRow is not null) await onRow(table, row);
            return reader.Header;
        }
        catch (InvalidDataException e)
        {
            throw new BackupFormatException($"the file is not a gzip-compressed backup or it is damaged ({e.Message})");
        }
        catch (JsonException e)
        {
            throw new BackupFormatException($"the file is not valid JSON (damaged or not a backup): {e.Message}");
        }
    }
}
