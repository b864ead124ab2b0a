using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Says once at start what a V1 webhook is worth: Pakasir V1 signs nothing, so its webhooks are only hints and the
/// status API is what is trusted (a <c>?secret=</c> on the webhook URL is checked when present).
/// </summary>
public sealed class V1WebhookNotice(IOptions<PakasirOptions> options, ILogger<V1WebhookNotice> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.EffectiveMode == PakasirMode.Live && o.ApiVersion == PakasirApiVersion.V1)
            log.LogWarning(string.IsNullOrEmpty(o.WebhookSecret)
                ? "Pakasir V1 webhooks are unauthenticated: each one is only a hint, re-checked through the status API, which is what is " +
                    "trusted."
                : "Pakasir V1 webhooks are unauthenticated (V1 sends no X-Secret): each one is re-checked through the status API; a " +
                    "?secret= on the webhook URL is verified when present.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
