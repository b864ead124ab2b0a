using System.Net.Http.Json;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Pakasir's V2 wire format: <c>{BaseUrl}/api/v2</c>, <c>X-Api-Key</c> header, flat JSON. Also the client the
/// built-in simulator answers (in-process), so the same code path runs with and without a real gateway.
/// Create is find-or-create at Pakasir, so it is marked safe to retry; cancel is not.
/// </summary>
public sealed class PakasirV2Client : IPaymentGateway
{
    private readonly PakasirTransport _transport;
    private readonly string _project;
    private readonly string _method;

    public PakasirV2Client(HttpClient http, IOptions<PakasirOptions> options, ShopMetrics metrics, ILogger<PakasirV2Client> log)
    {
        var o = options.Value;
        _project = o.EffectiveProject;
        _method = o.Method;
        http.BaseAddress = PakasirSetup.ApiBase(o, PakasirApiVersion.V2);
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", o.EffectiveApiKey);
        _transport = new PakasirTransport(http, o.EffectiveApiKey, metrics, log);
    }

    public async Task<GatewayTransaction> CreateAsync(string orderId, long amount, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"create-transaction/{Esc(_project)}/{Esc(orderId)}")
        {
            Content = JsonContent.Create(new { method = _method, amount }),
        };
        var (root, raw) = await _transport.SendAsync(request, "create", orderId, retrySafe: true, ct);
        var r = PakasirResponseReader.Of(root, "create");
        return new GatewayTransaction(
            OrderId: r.RequiredString("order_id"),
            TxnId: r.RequiredString("txn_id"),
            Amount: r.RequiredLong("amount"),
            Fee: r.OptionalLong("fee"),
            TotalPayment: r.RequiredLong("total_payment"),
            Method: r.OptionalString("payment_method") ?? _method,
            QrString: r.OptionalString("qr_string"),
            VaNumber: r.OptionalString("va_number"),
            PaymentUrl: r.OptionalString("payment_link"),
            ExpiresAtUtc: r.OptionalTime("expired_at"),
            Status: r.Object.TryGetProperty("status", out _) ? r.Status() : Domain.Payments.PaymentStatus.Pending,
            IsSandbox: r.OptionalBool("is_sandbox"),
            RawJson: raw);
    }

    public async Task<GatewayStatus> GetStatusAsync(GatewayReference reference, CancellationToken ct)
    {
        var txnId = RequireTxnId(reference, "status");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"transaction-status/{Esc(_project)}/{Esc(txnId)}");
        var (root, raw) = await _transport.SendAsync(request, "status", reference.OrderId, retrySafe: true, ct);
        var r = PakasirResponseReader.Of(root, "status");
        return new GatewayStatus(
            OrderId: r.RequiredString("order_id"),
            TxnId: r.OptionalString("txn_id") ?? txnId,
            Amount: r.RequiredLong("amount"),
            Status: r.Status(),
            IsSandbox: r.OptionalBool("is_sandbox"),
            CompletedAtUtc: r.OptionalTime("completed_at"),
            Project: null,
            RawJson: raw);
    }

    public async Task CancelAsync(GatewayReference reference, CancellationToken ct)
    {
        var txnId = RequireTxnId(reference, "cancel");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"cancel-transaction/{Esc(_project)}/{Esc(txnId)}");
        await _transport.SendAsync(request, "cancel", reference.OrderId, retrySafe: false, ct, expectJson: false);
    }

    /// <summary>Reachability probe (System page): the public fee endpoint, which touches no transaction.</summary>
    public Task<GatewayProbe> ProbeAsync(CancellationToken ct) =>
        PakasirProbe.SendAsync(_transport.Http, new HttpRequestMessage(HttpMethod.Get, "payment-fee/10000"),
            "GET /api/v2/payment-fee/10000", ct);

    private static string RequireTxnId(GatewayReference reference, string operation) =>
        string.IsNullOrWhiteSpace(reference.TxnId)
            ? throw new PaymentGatewayException($"Pakasir {operation}: V2 needs the txn_id of order {reference.OrderId}.",
                isTransient: false)
            : reference.TxnId;

    private static string Esc(string segment) => Uri.EscapeDataString(segment);
}
