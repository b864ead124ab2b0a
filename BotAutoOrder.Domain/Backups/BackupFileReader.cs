using System.Security.Cryptography;
using System.Text.Json;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// Reads a backup document (already decompressed) against the tables of this app's model: the header, then each
/// table's rows as values ready to bind, checking structure, columns, order, row counts and hashes on the way.
/// Anything wrong throws <see cref="BackupFormatException"/>.
/// </summary>
internal sealed class BackupFileReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly BackupJsonReader _json;
    private readonly Dictionary<string, BackupTable> _model;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private IncrementalHash? _hash;
    private BackupTable? _table;
    private Dictionary<string, int> _columnIndex = [];
    private long _rows;

    private BackupFileReader(Stream document, IReadOnlyList<BackupTable> model, int maxValueBytes)
    {
        _json = new BackupJsonReader(document, maxValueBytes);
        _model = model.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public BackupHeader Header { get; private set; } = null!;

    public static async Task<BackupFileReader> OpenAsync(Stream document, IReadOnlyList<BackupTable> model, int maxValueBytes,
        CancellationToken ct)
    {
        var reader = new BackupFileReader(document, model, maxValueBytes);
        await reader.ReadHeaderAsync(ct);
        return reader;
    }

    /// <summary>The next table (its rows follow through <see cref="NextRowAsync"/>), or null after the last one.</summary>
    public async Task<BackupTable?> NextTableAsync(CancellationToken ct)
    {
        var token = await _json.ReadAsync(false, ct);
        if (token.Type == JsonTokenType.EndArray)
        {
            await ExpectAsync(JsonTokenType.EndObject, ct);
            await _json.ReadToEndAsync(ct);
            var missing = _model.Keys.Where(t => !_seen.Contains(t)).ToList();
            if (missing.Count > 0) throw new BackupFormatException("the file has no rows section for " + string.Join(", ", missing));
            return null;
        }
        if (token.Type != JsonTokenType.StartObject) throw Unexpected(token, "a table");
        await ExpectPropertyAsync("name", ct);
        var name = (await ExpectAsync(JsonTokenType.String, ct)).Text!;
        if (BackupSchema.LeftOut.Contains(name))
        {
            // An older backup that still holds the Data Protection keys: read past them, never restore them.
            await ExpectPropertyAsync("columns", ct);
            await _json.ReadAsync(true, ct);
            await ExpectPropertyAsync("rows", ct);
            await _json.ReadAsync(true, ct);
            await ExpectAsync(JsonTokenType.EndObject, ct);
            return await NextTableAsync(ct);
        }
        if (!_model.TryGetValue(name,
            out var table)) throw new BackupFormatException($"table '{name}' is unknown to this version of the app");
        if (!_seen.Add(name)) throw new BackupFormatException($"table {name} appears twice");
        var notYet = table.Principals.Where(p => !_seen.Contains(p)).ToList();
        if (notYet.Count > 0) throw new BackupFormatException($"table {name} comes before {string.Join(", ", notYet)}, which it references");

        await ExpectPropertyAsync("columns", ct);
        var columns = JsonSerializer.Deserialize<string[]>((await _json.ReadAsync(true, ct)).Raw.Span, Json) ?? [];
        var missingColumns = table.Columns.Select(c => c.Name).Except(columns).ToList();
        var unknownColumns = columns.Except(table.Columns.Select(c => c.Name)).ToList();
        if (missingColumns.Count > 0 || unknownColumns.Count > 0 || columns.Length != table.Columns.Count)
            throw new BackupFormatException($"table {name} has other columns than this version of the app " +
                $"(missing: {string.Join(", ", missingColumns)}; unknown: {string.Join(", ", unknownColumns)}); backup schema {Header.Schema}");
        _columnIndex = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

        await ExpectPropertyAsync("rows", ct);
        await ExpectAsync(JsonTokenType.StartArray, ct);
        _table = table;
        _rows = 0;
        _hash?.Dispose();
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return table;
    }

    /// <summary>The next row's values in the model's column order, or null after the table's last row.</summary>
    public async Task<object[]?> NextRowAsync(CancellationToken ct)
    {
        var table = _table ?? throw new InvalidOperationException("no table is open");
        var token = await _json.ReadAsync(true, ct);
        if (token.Type == JsonTokenType.EndArray)
        {
            await ExpectAsync(JsonTokenType.EndObject, ct);
            CheckTableTotals(table);
            _table = null;
            return null;
        }
        if (token.Type != JsonTokenType.StartObject) throw Unexpected(token, "a row");
        _hash!.AppendData(token.Raw.Span);
        _hash.AppendData(NewLine);
        _rows++;
        using var row = JsonDocument.Parse(token.Raw);
        var values = new object[table.Columns.Count];
        var count = 0;
        foreach (var property in row.RootElement.EnumerateObject())
        {
            if (!_columnIndex.TryGetValue(property.Name,
                out var index)) throw new BackupFormatException($"table {table.Name}, row {_rows}: unknown column {property.Name}");
            try
            {
                values[index] = BackupValues.Read(property.Value, table.Columns[index]);
            }
            catch (BackupFormatException e)
            {
                throw new BackupFormatException($"table {table.Name}, row {_rows}: {e.Message}");
            }
            count++;
        }
        if (count != table.Columns.Count || values.Any(v => v is null))
            throw new BackupFormatException($"table {table.Name}, row {_rows}: columns are missing or repeated");
        return values;
    }

    private void CheckTableTotals(BackupTable table)
    {
        var expected = Header.Tables.First(t => t.Name == table.Name);
        if (expected.RowCount != _rows)
            throw new BackupFormatException($"table {table.Name} holds {_rows} rows but the header says {expected.RowCount} (damaged file)");
        var actual = Convert.ToHexStringLower(_hash!.GetHashAndReset());
        if (!string.Equals(actual, expected.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new BackupFormatException($"the rows of table {table.Name} do not match their checksum (damaged or edited file)");
    }

    private async Task ReadHeaderAsync(CancellationToken ct)
    {
        var first = await _json.ReadAsync(false, ct);
        if (first.Type != JsonTokenType.StartObject) throw new BackupFormatException("the file is not a BotAutoOrder backup (no JSON " +
            "object)");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (true)
        {
            var token = await _json.ReadAsync(false, ct);
            if (token.Type != JsonTokenType.PropertyName) throw new BackupFormatException("the file is not a BotAutoOrder backup (no " +
                "data section)");
            if (token.Text == "data") break;
            var raw = await _json.ReadAsync(true, ct);
            fields[token.Text!] = JsonDocument.Parse(raw.Raw.ToArray()).RootElement;
            if (token.Text == "format"
                && !(fields["format"] is { ValueKind: JsonValueKind.String } f && f.GetString() == BackupHeader.FormatName))
                throw new BackupFormatException($"the file is not a BotAutoOrder backup (format {fields["format"].GetRawText()})");
        }
        if (!fields.ContainsKey("format")) throw new BackupFormatException("the file is not a BotAutoOrder backup (no format field)");
        Header = ParseHeader(fields);
        await ExpectAsync(JsonTokenType.StartArray, ct);
    }

    private BackupHeader ParseHeader(Dictionary<string, JsonElement> fields)
    {
        try
        {
            var version = fields["version"].GetInt32();
            if (version != BackupHeader.CurrentVersion)
                throw new BackupFormatException($"the backup has format version {version}; this app reads version {BackupHeader.CurrentVersion}");
            var tables = (fields["tables"].Deserialize<List<BackupTableInfo>>(Json)
                ?? []).Where(t => !BackupSchema.LeftOut.Contains(t.Name)).ToList();
            var header = new BackupHeader(BackupHeader.FormatName, version, fields["createdAtUtc"].GetDateTime().ToUniversalTime(),
                fields["appVersion"].GetString() ?? "", fields["schema"].GetString() ?? "", fields["provider"].GetString() ?? "", tables);
            var unknown = tables.Select(t => t.Name).Where(n => !_model.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
                throw new BackupFormatException($"the backup holds tables unknown to this version of the app ({string.Join(", ", unknown)}); backup schema {header.Schema}");
            var missing = _model.Keys.Where(n => tables.All(t => t.Name != n)).ToList();
            if (missing.Count > 0 || tables.Count != _model.Count)
                throw new BackupFormatException($"the backup lacks tables of this version of the app ({string.Join(", ", missing)}); backup schema {header.Schema}");
            return header;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or JsonException)
        {
            throw new BackupFormatException("the backup header is incomplete or malformed: " + e.Message);
        }
    }

    private async Task ExpectPropertyAsync(string name, CancellationToken ct)
    {
        var token = await _json.ReadAsync(false, ct);
        if (token.Type != JsonTokenType.PropertyName || token.Text != name) throw Unexpected(token, $"\"{name}\"");
    }

    private async Task<BackupJsonReader.Token> ExpectAsync(JsonTokenType type, CancellationToken ct)
    {
        var token = await _json.ReadAsync(false, ct);
        return token.Type == type ? token : throw Unexpected(token, type.ToString());
    }

    private static BackupFormatException Unexpected(BackupJsonReader.Token token, string expected) =>
        new($"unexpected {token.Type} {token.Text} where {expected} was expected");
}
