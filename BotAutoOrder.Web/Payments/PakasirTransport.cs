using System.Diagnostics;
using System.Net;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using System.Text.Json;
using Polly.Timeout;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Sends one request to Pakasir and turns every way it can go wrong into a <see cref="PaymentGatewayException"/>:
/// transient for 5xx, 408, 429, timeouts and network failures; permanent for other 4xx and malformed JSON.
/// URLs are never logged or put in messages (V1 carries the api key in its query string), and the key is
/// scrubbed from any quoted response text.
/// </summary>
internal sealed class PakasirTransport(HttpClient http, string apiKey, ShopMetrics metrics, ILogger log)
{
    /// <summary>Marks a request the resilience pipeline may repeat (status reads, V2 find-or-create).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("Pakasir.RetrySafe");

    public HttpClient Http => http;

    /// <summary>Sends and parses the JSON answer (<c>null</c> when <paramref name="expectJson"/> is false).</summary>
    public async Task<(JsonElement Root, string Raw)> SendAsync(HttpRequestMessage request, string operation, string orderId,
        bool retrySafe, CancellationToken ct, bool expectJson = true)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await SendOnceAsync(request, operation, orderId, retrySafe, ct, expectJson);
        }
        catch (PaymentGatewayException)
        {
            metrics.GatewayFailed(operation);
            throw;
        }
        finally
        {
            metrics.GatewayCalled(operation, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<(JsonElement Root, string Raw)> SendOnceAsync(HttpRequestMessage request, string operation, string orderId,
        bool retrySafe, CancellationToken ct, bool expectJson)
    {
        request.Options.Set(RetrySafe, retrySafe);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutRejectedException)
        {
            var what = ex is HttpRequestException h ? $"network error ({h.HttpRequestError})" : "timed out";
            log.LogWarning("Pakasir {Operation} for {OrderId} failed: {What}", operation, orderId, what);
            throw new PaymentGatewayException($"Pakasir {operation} failed: {what}.", isTransient: true, inner: ex);
        }

        using (response)
        {
            var raw = await response.Content.ReadAsStringAsync(ct);
            var code = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var transient = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                log.LogWarning("Pakasir {Operation} for {OrderId} answered {StatusCode}", operation, orderId, code);
                throw new PaymentGatewayException($"Pakasir {operation} answered {code}: {Quote(raw)}", transient, code);
            }
            if (!expectJson) return (default, raw);
            try
            {
                using var doc = JsonDocument.Parse(raw);
                return (doc.RootElement.Clone(), raw);
            }
            catch (JsonException)
            {
                log.LogWarning("Pakasir {Operation} for {OrderId} answered {StatusCode} with malformed JSON", operation, orderId, code);
                throw new PaymentGatewayException($"Pakasir {operation}: malformed JSON in the answer.", isTransient: false, code);
            }
        }
    }

    /// <summary>A short, key-free excerpt of an error body for the exception message.</summary>
    private string Quote(string raw)
    {
        var text = raw.Length > 200 ? raw[..200] + "…" : raw;
        if (!string.IsNullOrEmpty(apiKey)) text = text.Replace(apiKey, "***", StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(text) ? "(empty body)" : text;
    }
}
