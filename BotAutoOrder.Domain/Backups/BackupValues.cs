using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// The provider-independent form of a column value: numbers as JSON numbers, booleans, strings, times as ISO-8601 UTC
/// with microseconds (what PostgreSQL keeps; SQLite's extra digits are dropped), bytes as base64.
/// </summary>
internal static class BackupValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static void Write(Utf8JsonWriter json, DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal)) json.WriteNullValue();
        else if (type == typeof(long)) json.WriteNumberValue(reader.GetInt64(ordinal));
        else if (type == typeof(int)) json.WriteNumberValue(reader.GetInt32(ordinal));
        else if (type == typeof(short)) json.WriteNumberValue(reader.GetInt16(ordinal));
        else if (type == typeof(bool)) json.WriteBooleanValue(reader.GetBoolean(ordinal));
        else if (type == typeof(string)) json.WriteStringValue(reader.GetString(ordinal));
        else if (type == typeof(DateTime)) json.WriteStringValue(FormatTime(reader.GetDateTime(ordinal)));
        else if (type == typeof(DateTimeOffset)) json.WriteStringValue(FormatTime(reader.GetFieldValue<DateTimeOffset>(ordinal).UtcDateTime));
        else if (type == typeof(byte[])) json.WriteBase64StringValue(reader.GetFieldValue<byte[]>(ordinal));
        else if (type == typeof(double)) json.WriteNumberValue(reader.GetDouble(ordinal));
        else if (type == typeof(decimal)) json.WriteNumberValue(reader.GetDecimal(ordinal));
        else if (type == typeof(Guid)) json.WriteStringValue(reader.GetGuid(ordinal).ToString("D"));
        else throw new NotSupportedException($"Column type {type.Name} is not supported by the backup format.");
    }

    /// <summary>The value to bind for <paramref name="column"/>; throws <see cref="BackupFormatException"/> when it does not fit.</summary>
    public static object Read(JsonElement value, BackupColumn column)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return column.IsNullable ? DBNull.Value : throw new BackupFormatException($"column {column.Name} must not be null");
        try
        {
            var type = column.Type;
            if (type == typeof(long)) return value.GetInt64();
            if (type == typeof(int)) return value.GetInt32();
            if (type == typeof(short)) return value.GetInt16();
            if (type == typeof(bool)) return value.GetBoolean();
            if (type == typeof(string)) return value.GetString()!;
            if (type == typeof(DateTime)) return ParseTime(value.GetString()!);
            if (type == typeof(DateTimeOffset)) return new DateTimeOffset(ParseTime(value.GetString()!));
            if (type == typeof(byte[])) return value.GetBytesFromBase64();
            if (type == typeof(double)) return value.GetDouble();
            if (type == typeof(decimal)) return value.GetDecimal();
            if (type == typeof(Guid)) return Guid.ParseExact(value.GetString()!, "D");
            throw new NotSupportedException($"Column type {type.Name} is not supported by the backup format.");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new BackupFormatException($"column {column.Name} holds {value.ValueKind} '{Shorten(value.GetRawText())}', expected {column.Type.Name}");
        }
    }

    private static string FormatTime(DateTime t)
    {
        var utc = t.Kind switch
        {
            DateTimeKind.Local => t.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(t, DateTimeKind.Utc), // SQLite: everything we write is UTC
            _ => t,
        };
        return utc.ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    private static DateTime ParseTime(string s) =>
        DateTime.ParseExact(s, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
