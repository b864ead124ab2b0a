using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Polling mode: removes any webhook (getUpdates does not work while one is set), then long-polls.</summary>
public sealed class PollingService(ITelegramBotClient bot, UpdatePipeline pipeline, TimeProvider clock, ILogger<PollingService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var failures = 0;
        int? offset = null;
        var webhookRemoved = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!webhookRemoved)
                {
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stop);
                    webhookRemoved = true;
                    log.LogInformation("Polling mode: webhook removed, polling getUpdates");
                }
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: 30, allowedUpdates: AllowedUpdates.List,
                    cancellationToken: stop);
                foreach (var update in updates)
                {
                    await pipeline.ProcessAsync(update, stop);
                    offset = update.Id + 1;
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                log.LogWarning(e, "Polling failed ({Failures} in a row); retrying in {Wait}", failures, wait);
                await Task.Delay(wait, clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
