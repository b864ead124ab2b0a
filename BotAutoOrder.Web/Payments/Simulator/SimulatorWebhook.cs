using System.Net.Http.Json;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// Delivers the V2 webhook for a transaction paid in the simulator (<c>is_sandbox: false</c>, so the shop treats it
/// as live; <c>X-Secret</c> when a webhook secret is configured) and says in one line what the shop answered.
/// </summary>
internal static class SimulatorWebhook
{
    public const string SecretHeader = "X-Secret";

    public static async Task<string> SendAsync(HttpClient http, Uri url, string secret, SimulatorTransaction t, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(SimulatorApi.StatusBody(t)) };
        if (!string.IsNullOrEmpty(secret)) request.Headers.Add(SecretHeader, secret);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return $"Webhook {url.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"Webhook {url.AbsolutePath} could not be delivered: {ex.Message}";
        }
    }
}
