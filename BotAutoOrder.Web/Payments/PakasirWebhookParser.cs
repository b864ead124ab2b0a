using System.Text.Json;
using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Reads a Pakasir webhook body in either shape — V1 (<c>amount, order_id, project, status, payment_method,
/// completed_at</c>, optional <c>is_sandbox</c>) or V2 (<c>txn_id, order_id, amount, status, is_sandbox,
/// completed_at</c>). It only parses: the result is a hint that the payment service re-checks with the status API.
/// </summary>
public static class PakasirWebhookParser
{
    public static bool TryParse(string json, out PakasirNotification? notification, out string? error)
    {
        notification = null;
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            error = "malformed JSON";
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object) { error = "body is not a JSON object"; return false; }

        var orderId = PakasirJson.String(root, "order_id");
        if (string.IsNullOrWhiteSpace(orderId)) { error = "order_id is missing"; return false; }
        if (!PakasirJson.TryLong(root, "amount", out var amount)) { error = "amount is missing or not a whole number"; return false; }
        if (amount <= 0) { error = "amount must be positive"; return false; }
        if (!PakasirJson.TryParseStatus(PakasirJson.String(root, "status"), out var status))
        {
            error = "status is missing or unknown";
            return false;
        }
        if (!PakasirJson.TryOptionalBool(root, "is_sandbox", out var sandbox)) { error = "is_sandbox is not a boolean"; return false; }
        if (!PakasirJson.TryOptionalTime(root, "completed_at", out var completedAt)) { error =
            "completed_at is not an RFC 3339 time"; return false; }

        var txnId = PakasirJson.String(root, "txn_id");
        var project = PakasirJson.String(root, "project");
        notification = new PakasirNotification(orderId, string.IsNullOrWhiteSpace(txnId) ? null : txnId, amount, status,
            string.IsNullOrWhiteSpace(project) ? null : project, sandbox, completedAt);
        error = null;
        return true;
    }
}
