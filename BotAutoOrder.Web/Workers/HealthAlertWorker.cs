using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Runs the readiness checks every minute in each instance and logs an error when they start failing (which reaches the
/// owner through <see cref="Telegram.OwnerAlertWorker"/>), and a warning when they recover. Only transitions are logged.
/// </summary>
public sealed class HealthAlertWorker(HealthCheckService health, IOptions<WorkerOptions> options, TimeProvider clock,
    ILogger<HealthAlertWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var healthy = true;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.HealthCheckIntervalSeconds), clock, stop);
                var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), stop);
                var now = report.Status == HealthStatus.Healthy;
                if (healthy && !now)
                    log.LogError("Health check failed: {Problems}",
                        string.Join("; ",
                            report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e =>
                            $"{e.Key}: {e.Value.Description}")));
                else if (!healthy && now)
                    log.LogWarning("Health check recovered");
                healthy = now;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
    }
}
