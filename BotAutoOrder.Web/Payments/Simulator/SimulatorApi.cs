using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>An answer of the simulated V2 API: HTTP status and JSON body.</summary>
public sealed record SimulatorApiResult(int StatusCode, string Json);

/// <summary>
/// Pakasir's V2 API answered by <see cref="PakasirSimulator"/>: one implementation shared by the in-process
/// <see cref="SimulatorHttpHandler"/> and the <c>/simulator/pakasir/api/v2/**</c> endpoints. Checks the project
/// slug and the <c>X-Api-Key</c> like the real gateway, and answers in the documented flat JSON shapes.
/// </summary>
public sealed class SimulatorApi(PakasirSimulator simulator, IOptions<PakasirOptions> options)
{
    /// <param name="path">The escaped path after <c>/api/v2/</c>, e.g. <c>create-transaction/simulator/INV-1</c>.</param>
    /// <param name="linkRoot">Where the simulator pages are served (for <c>payment_link</c>); may be empty.</param>
    public SimulatorApiResult Handle(string method, string path, string? apiKey, string? body, string linkRoot)
    {
        var parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (parts is ["payment-fee", var amountText] && method == "GET")
            return long.TryParse(amountText, out var a) && a > 0 ? Ok(new { qris = SimulatorQris.Fee(a) }) : Error(400, "invalid amount");
        if (parts.Length != 3) return Error(404, "not found");

        var o = options.Value;
        if (!string.Equals(apiKey, o.EffectiveApiKey, StringComparison.Ordinal)) return Error(401, "invalid api key");
        if (parts[1] != o.EffectiveProject) return Error(404, "project not found");

        return (method, parts[0]) switch
        {
            ("POST", "create-transaction") => Create(parts[1], parts[2], body, linkRoot),
            ("GET", "transaction-status") => simulator.Find(parts[2]) is { } t ? Ok(StatusBody(t)) : Error(404, "transaction not found"),
            ("POST", "cancel-transaction") => Cancel(parts[2]),
            _ => Error(404, "not found"),
        };
    }

    /// <summary>The status / webhook body of V2.</summary>
    public static object StatusBody(SimulatorTransaction t) => new
    {
        txn_id = t.TxnId,
        order_id = t.OrderId,
        amount = t.Amount,
        status = PakasirJson.ToWire(t.Status),
        is_sandbox = false,
        completed_at = t.CompletedAtUtc is { } c ? PakasirJson.FormatTime(c) : null,
    };

    private SimulatorApiResult Create(string project, string orderId, string? body, string linkRoot)
    {
        string method;
        long amount;
        try
        {
            using var doc = JsonDocument.Parse(body ?? "");
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !PakasirJson.TryLong(root, "amount", out amount) || amount <= 0)
                return Error(400, "amount must be a positive whole number");
            method = PakasirJson.String(root, "method") ?? "qris";
        }
        catch (JsonException)
        {
            return Error(400, "malformed JSON");
        }
        var t = simulator.FindOrCreate(project, orderId, amount, method);
        if (t is null) return Error(409, "order_id already used with another amount");
        return Ok(new
        {
            txn_id = t.TxnId,
            order_id = t.OrderId,
            amount = t.Amount,
            fee = t.Fee,
            total_payment = t.TotalPayment,
            payment_method = t.Method,
            qr_string = t.QrString,
            va_number = t.VaNumber,
            payment_link = $"{linkRoot}{SimulatorEndpoints.Root}/pay/{Uri.EscapeDataString(t.TxnId)}",
            expired_at = PakasirJson.FormatTime(t.ExpiresAtUtc),
            status = PakasirJson.ToWire(t.Status),
            is_sandbox = false,
        });
    }

    private SimulatorApiResult Cancel(string txnId)
    {
        var t = simulator.Find(txnId);
        if (t is null) return Error(404, "transaction not found");
        if (t.Status == Domain.Payments.PaymentStatus.Cancelled || simulator.Cancel(txnId)) return Ok(new { success = true });
        return Error(409, $"transaction is {PakasirJson.ToWire(t.Status)}");
    }

    private static SimulatorApiResult Ok(object body) => new(200, JsonSerializer.Serialize(body));

    private static SimulatorApiResult Error(int code, string message) => new(code, JsonSerializer.Serialize(new { error = message }));
}
