using System.Text.Json;
using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Reads one object of a gateway answer; a missing or wrongly typed field becomes a non-transient
/// <see cref="PaymentGatewayException"/> naming the field (a shape we do not understand is never guessed at).
/// </summary>
internal readonly struct PakasirResponseReader(JsonElement obj, string operation)
{
    public JsonElement Object => obj;

    public static PakasirResponseReader Of(JsonElement root, string operation, string? wrapper = null)
    {
        var obj = root;
        if (wrapper is not null && (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(wrapper, out obj)))
            throw Malformed(operation, $"'{wrapper}' object missing");
        if (obj.ValueKind != JsonValueKind.Object) throw Malformed(operation, "not a JSON object");
        return new PakasirResponseReader(obj, operation);
    }

    public string RequiredString(string name) =>
        PakasirJson.String(obj, name) is { Length: > 0 } s ? s : throw Malformed(operation, $"'{name}' missing");

    public string? OptionalString(string name) => PakasirJson.String(obj, name) is { Length: > 0 } s ? s : null;

    public long RequiredLong(string name) =>
        PakasirJson.TryLong(obj, name, out var v) ? v : throw Malformed(operation, $"'{name}' is not a whole number");

    public long OptionalLong(string name) => obj.TryGetProperty(name, out _) ? RequiredLong(name) : 0;

    public bool OptionalBool(string name) =>
        PakasirJson.TryOptionalBool(obj, name, out var v) ? v ?? false : throw Malformed(operation, $"'{name}' is not a boolean");

    public DateTime? OptionalTime(string name) =>
        PakasirJson.TryOptionalTime(obj, name, out var v) ? v : throw Malformed(operation, $"'{name}' is not an RFC 3339 time");

    public PaymentStatus Status(string name = "status")
    {
        var text = PakasirJson.String(obj, name);
        return PakasirJson.TryParseStatus(text, out var s)
            ? s
            : throw Malformed(operation, $"unknown status '{Truncate(text ?? "(missing)")}'");
    }

    public static PaymentGatewayException Malformed(string operation, string what) =>
        new($"Pakasir {operation}: unexpected answer ({what}).", isTransient: false);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
