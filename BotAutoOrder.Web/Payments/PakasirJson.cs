using System.Globalization;
using System.Text.Json;
using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Reading Pakasir's JSON the same way everywhere (clients, webhook parser): statuses in both spellings,
/// whole-Rupiah integers, RFC 3339 times with offsets turned into UTC. Each reader reports failure instead of guessing.
/// </summary>
internal static class PakasirJson
{
    public static bool TryParseStatus(string? text, out PaymentStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "pending": status = PaymentStatus.Pending; return true;
            case "completed": status = PaymentStatus.Completed; return true;
            case "expired": status = PaymentStatus.Expired; return true;
            case "cancelled" or "canceled": status = PaymentStatus.Cancelled; return true;
            default: status = default; return false;
        }
    }

    /// <summary>The wire spelling of a status (Pakasir's documented <c>cancelled</c>).</summary>
    public static string ToWire(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Completed => "completed",
        PaymentStatus.Expired => "expired",
        PaymentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An integer amount: a JSON integer, or a string of digits. Fractions are refused.</summary>
    public static bool TryLong(JsonElement obj, string name, out long value)
    {
        value = 0;
        if (!obj.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>Absent or null → <c>null</c>; <c>true</c>/<c>false</c> → the value; anything else is a failure.</summary>
    public static bool TryOptionalBool(JsonElement obj, string name, out bool? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return false;
        value = v.GetBoolean();
        return true;
    }

    /// <summary>Absent, null or empty → <c>null</c>; an RFC 3339 time → UTC; anything else is a failure.</summary>
    public static bool TryOptionalTime(JsonElement obj, string name, out DateTime? utc)
    {
        utc = null;
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind != JsonValueKind.String) return false;
        var text = v.GetString();
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return false;
        utc = t.UtcDateTime;
        return true;
    }

    /// <summary>An RFC 3339 UTC time with milliseconds, as the simulator and test doubles write it.</summary>
    public static string FormatTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
