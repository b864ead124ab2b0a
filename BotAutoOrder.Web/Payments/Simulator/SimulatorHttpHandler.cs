using System.Net;
using System.Text;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// The primary handler of <see cref="PakasirV2Client"/> in Simulator mode: answers the V2 API in-process, so the
/// real client (headers, JSON parsing, error mapping, resilience pipeline) runs without any network.
/// </summary>
public sealed class SimulatorHttpHandler(SimulatorApi api, Func<string> linkRoot) : HttpMessageHandler
{
    private const string ApiPrefix = "/api/v2/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var index = path.IndexOf(ApiPrefix, StringComparison.Ordinal);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        var apiKey = request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.FirstOrDefault() : null;
        var result = index < 0
            ? new SimulatorApiResult(404, "{\"error\":\"not found\"}")
            : api.Handle(request.Method.Method, path[(index + ApiPrefix.Length)..], apiKey, body, linkRoot());
        return new HttpResponseMessage((HttpStatusCode)result.StatusCode)
        {
            RequestMessage = request,
            Content = new StringContent(result.Json, Encoding.UTF8, "application/json"),
        };
    }
}
