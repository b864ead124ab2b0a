using System.Diagnostics;
using Polly.Timeout;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Sends one probe request through a Pakasir client's pipeline (timeouts apply, no retry, so the latency is that of
/// a single call) and describes the answer. Never throws for gateway trouble: an unreachable gateway is a result.
/// </summary>
internal static class PakasirProbe
{
    public static async Task<GatewayProbe> SendAsync(HttpClient http, HttpRequestMessage request, string description, CancellationToken ct)
    {
        using (request)
        {
            request.Options.Set(PakasirTransport.RetrySafe, false);
            var watch = Stopwatch.StartNew(); // a measurement of real elapsed time, not shop time
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                var code = (int)response.StatusCode;
                var (ok, outcome) = code switch
                {
                    >= 200 and < 300 => (true, $"answered {code}"),
                    401 or 403 => (false,
                        $"answered {code}: the API key or project was refused (check Pakasir:ApiKey and Pakasir:Project)"),
                    >= 500 => (false, $"answered {code}: the gateway has a problem"),
                    _ => (true, $"answered {code}"),
                };
                return new GatewayProbe(description, ok, code, watch.Elapsed, outcome);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutRejectedException)
            {
                var what = e is HttpRequestException h ? $"unreachable: network error ({h.HttpRequestError})" : "unreachable: timed out";
                return new GatewayProbe(description, false, null, watch.Elapsed, what);
            }
        }
    }
}
