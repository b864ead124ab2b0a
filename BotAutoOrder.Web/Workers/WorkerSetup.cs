using BotAutoOrder.Web.Telegram;

namespace BotAutoOrder.Web.Workers;

public static class WorkerSetup
{
    /// <summary>The outbox sender, expiry and reconciliation jobs (one instance at a time each, see <see cref="WorkerLease"/>).</summary>
    public static IServiceCollection AddWorkers(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WorkerOptions>().Bind(config.GetSection(WorkerOptions.Section));
        services.AddSingleton<WorkerLease>();
        services.AddScoped<OutboxSender>();
        services.AddBroadcasts(config);
        if (!config.GetValue(WorkerOptions.Section + ":Enabled", true)) return services;
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ExpiryWorker>();
        services.AddHostedService<ReconciliationWorker>();
        services.AddHostedService<StockAlertWorker>();
        services.AddHostedService<HealthAlertWorker>();
        services.AddHostedService<RetentionWorker>();
        services.AddHostedService<BotAutoOrder.Web.Telegram.OwnerAlertWorker>();
        return services;
    }
}
