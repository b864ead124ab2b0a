using System.Net.Http.Json;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// Delivers the V2 webhook for a transaction paid in the simulator (<c>is_sandbox: false</c>, so the shop treats it
/// as live; <c>X-Secret</c> when a webhook secret is configured). The one line it returns is shown on the simulator
/// page, so it holds only the status code: the answer's text and any exception go to the log.
/// </summary>
internal static class SimulatorWebhook
{
    public const string SecretHeader = "X-Secret";

    public static async Task<string> SendAsync(HttpClient http, Uri url, string secret, SimulatorTransaction t, ILogger log,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(SimulatorApi.StatusBody(t)) };
        if (!string.IsNullOrEmpty(secret)) request.Headers.Add(SecretHeader, secret);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                log.LogWarning("Simulator webhook for {OrderId} answered {Status}: {Body}", t.OrderId, (int)response.StatusCode,
                    await response.Content.ReadAsStringAsync(ct));
            return $"Webhook /webhooks/pakasir answered {(int)response.StatusCode}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Simulator webhook for {OrderId} could not be delivered", t.OrderId);
            return "Webhook /webhooks/pakasir could not be delivered (see the log).";
        }
    }
}
