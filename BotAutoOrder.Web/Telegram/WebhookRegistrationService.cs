using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Webhook mode: calls <c>setWebhook</c> at start-up (retrying with back-off until Telegram accepts it).</summary>
public sealed class WebhookRegistrationService(ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider clock,
    ILogger<WebhookRegistrationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var o = options.Value;
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                await bot.SetWebhook(o.WebhookUrl, secretToken: o.WebhookSecret, maxConnections: 40,
                    allowedUpdates: AllowedUpdates.List, dropPendingUpdates: false, cancellationToken: stop);
                log.LogInformation("Telegram webhook set to {Url}", o.WebhookUrl);
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(300, 5 * attempt));
                log.LogError(e, "setWebhook failed (attempt {Attempt}); retrying in {Wait}", attempt, wait);
                await Task.Delay(wait, clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
