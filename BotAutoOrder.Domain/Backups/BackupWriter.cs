using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// Writes the document inside one snapshot transaction, in two passes over the same snapshot: the first counts and
/// hashes every table (for the header), the second streams the rows. Neither pass holds more than one row in memory.
/// </summary>
internal sealed class BackupWriter(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task<List<BackupTableInfo>> HashTablesAsync(CancellationToken ct)
    {
        var infos = new List<BackupTableInfo>();
        foreach (var table in tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = await ForEachRowAsync(table, row =>
            {
                hash.AppendData(row.Span);
                hash.AppendData(NewLine);
                return ValueTask.CompletedTask;
            }, ct);
            infos.Add(new BackupTableInfo(table.Name, rows, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }
        return infos;
    }

    public async Task WriteDocumentAsync(Stream output, BackupHeader header, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("format", header.Format);
        json.WriteNumber("version", header.Version);
        json.WriteString("createdAtUtc", header.CreatedAtUtc);
        json.WriteString("appVersion", header.AppVersion);
        json.WriteString("schema", header.Schema);
        json.WriteString("provider", header.Provider);
        json.WriteStartArray("tables");
        foreach (var t in header.Tables)
        {
            json.WriteStartObject();
            json.WriteString("name", t.Name);
            json.WriteNumber("rowCount", t.RowCount);
            json.WriteString("sha256", t.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("data");
        foreach (var table in tables)
        {
            json.WriteStartObject();
            json.WriteString("name", table.Name);
            json.WriteStartArray("columns");
            foreach (var column in table.Columns) json.WriteStringValue(column.Name);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = await ForEachRowAsync(table, async row =>
            {
                hash.AppendData(row.Span);
                hash.AppendData(NewLine);
                json.WriteRawValue(row.Span, skipInputValidation: true);
                if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
            }, ct);
            var expected = header.Tables.First(t => t.Name == table.Name);
            if (rows != expected.RowCount || Convert.ToHexStringLower(hash.GetHashAndReset()) != expected.Sha256)
                throw new InvalidOperationException($"Table {table.Name} changed between the two passes of one snapshot; the backup is not consistent.");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>Serialises each row (ordered by key) to JSON and hands it over; returns the row count.</summary>
    private async Task<long> ForEachRowAsync(BackupTable table, Func<ReadOnlyMemory<byte>, ValueTask> onRow, CancellationToken ct)
    {
        await using var command = BackupSql.Command(connection, transaction, BackupSql.SelectAll(table));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i].Name);
                BackupValues.Write(json, reader, i, table.Columns[i].Type);
            }
            json.WriteEndObject();
            await json.FlushAsync(ct);
            await onRow(buffer.WrittenMemory);
            rows++;
        }
        return rows;
    }
}
