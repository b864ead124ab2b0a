using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Web.Workers;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Backups;

public static class BackupSetup
{
    /// <summary>The backup service (command line, dashboard) and the scheduled backup job (unless <c>Workers:Enabled</c> is
    /// false).</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BackupOptions>().Bind(config.GetSection(BackupOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Backups:Folder must not be empty.")
            .Validate(o => o.IntervalHours > 0, "Backups:IntervalHours must be more than 0.")
            .Validate(o => o.MaxRestoreMegabytes >= 1, "Backups:MaxRestoreMegabytes must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RestoreLimits(
            sp.GetRequiredService<IOptions<BackupOptions>>().Value.MaxRestoreMegabytes * 1024L * 1024,
                RestoreLimits.Default.MaxValueBytes));
        services.AddScoped<BackupService>();
        if (config.GetValue(WorkerOptions.Section + ":Enabled", true)) services.AddHostedService<BackupWorker>();
        return services;
    }
}
