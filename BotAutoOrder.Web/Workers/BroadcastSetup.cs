using BotAutoOrder.Domain.Broadcasts;

namespace BotAutoOrder.Web.Workers;

public static class BroadcastSetup
{
    /// <summary>The broadcast service (dashboard) and, where background jobs run, the <see cref="BroadcastWorker"/>.</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<BroadcastService>();
        services.AddScoped<BroadcastTally>();
        if (config.GetValue(WorkerOptions.Section + ":Enabled", true)) services.AddHostedService<BroadcastWorker>();
        return services;
    }
}
