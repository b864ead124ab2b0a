using System.Net.Http.Json;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Pakasir's V1 wire format (the publicly documented one): <c>{BaseUrl}/api</c>, <c>api_key</c> in the body or,
/// for the detail read, in the query string — which is why no URL is ever logged. V1 has no txn id; a transaction
/// is found by order id and amount. Only the detail read is retried: a repeated V1 create or cancel is not known to be safe.
/// </summary>
public sealed class PakasirV1Client : IPaymentGateway
{
    private readonly PakasirTransport _transport;
    private readonly PakasirOptions _options;

    public PakasirV1Client(HttpClient http, IOptions<PakasirOptions> options, ShopMetrics metrics, ILogger<PakasirV1Client> log)
    {
        _options = options.Value;
        http.BaseAddress = PakasirSetup.ApiBase(_options, PakasirApiVersion.V1);
        _transport = new PakasirTransport(http, _options.ApiKey, metrics, log);
    }

    public async Task<GatewayTransaction> CreateAsync(string orderId, long amount, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"transactioncreate/{Uri.EscapeDataString(_options.Method)}")
        {
            Content = JsonContent.Create(Body(orderId, amount)),
        };
        var (root, raw) = await _transport.SendAsync(request, "create", orderId, retrySafe: false, ct);
        var r = PakasirResponseReader.Of(root, "create", wrapper: "payment");
        var method = r.OptionalString("payment_method") ?? _options.Method;
        var number = r.OptionalString("payment_number");
        var isQris = method == "qris";
        var createdAmount = r.RequiredLong("amount");
        return new GatewayTransaction(
            OrderId: r.RequiredString("order_id"),
            TxnId: null,
            Amount: createdAmount,
            Fee: r.OptionalLong("fee"),
            TotalPayment: r.RequiredLong("total_payment"),
            Method: method,
            QrString: isQris ? number : null,
            VaNumber: isQris ? null : number,
            PaymentUrl: HostedPage(orderId, createdAmount),
            ExpiresAtUtc: r.OptionalTime("expired_at"),
            Status: PaymentStatus.Pending,
            IsSandbox: r.OptionalBool("is_sandbox"),
            RawJson: raw);
    }

    public async Task<GatewayStatus> GetStatusAsync(GatewayReference reference, CancellationToken ct)
    {
        var query = $"transactiondetail?project={Esc(_options.Project)}&amount={reference.Amount}" +
                    $"&order_id={Esc(reference.OrderId)}&api_key={Esc(_options.ApiKey)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        var (root, raw) = await _transport.SendAsync(request, "status", reference.OrderId, retrySafe: true, ct);
        var r = PakasirResponseReader.Of(root, "status", wrapper: "transaction");
        return new GatewayStatus(
            OrderId: r.RequiredString("order_id"),
            TxnId: null,
            Amount: r.RequiredLong("amount"),
            Status: r.Status(),
            IsSandbox: r.OptionalBool("is_sandbox"),
            CompletedAtUtc: r.OptionalTime("completed_at"),
            Project: r.OptionalString("project"),
            RawJson: raw);
    }

    /// <summary>
    /// Reachability probe (System page): a detail call for an order id that never exists, which changes nothing;
    /// "not found" means the API answered. The description leaves out the query (it carries the API key).
    /// </summary>
    public Task<GatewayProbe> ProbeAsync(CancellationToken ct) =>
        PakasirProbe.SendAsync(_transport.Http, new HttpRequestMessage(HttpMethod.Get,
                $"transactiondetail?project={Esc(_options.Project)}&amount=1&order_id=PROBE-0&api_key={Esc(_options.ApiKey)}"),
            "GET /api/transactiondetail (order PROBE-0, which does not exist)", ct);

    public async Task CancelAsync(GatewayReference reference, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "transactioncancel")
        {
            Content = JsonContent.Create(Body(reference.OrderId, reference.Amount)),
        };
        await _transport.SendAsync(request, "cancel", reference.OrderId, retrySafe: false, ct, expectJson: false);
    }

    private Dictionary<string, object> Body(string orderId, long amount) => new()
    {
        ["project"] = _options.Project, ["order_id"] = orderId, ["amount"] = amount, ["api_key"] = _options.ApiKey,
    };

    /// <summary>Pakasir's hosted payment page for the order (V1 has no per-transaction link in its API).</summary>
    private string HostedPage(string orderId, long amount) =>
        $"{_options.BaseUrl.TrimEnd('/')}/pay/{Esc(_options.Project)}/{amount}?order_id={Esc(orderId)}" +
        (_options.Method == "qris" ? "&qris_only=1" : "");

    private static string Esc(string s) => Uri.EscapeDataString(s);
}
