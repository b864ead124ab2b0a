using System.Net;
using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Backups;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Scheduled backups into <c>Backups:Folder</c> every <c>Backups:IntervalHours</c>, keeping <c>BackupRetentionDays</c>
/// days (0: off). Due-ness comes from the newest file's name, so restarts neither skip nor repeat a backup. The owner
/// is alerted on success and on failure; a failure is retried after an hour (or the interval, if shorter). The first
/// check waits <see cref="StartDelay"/> after start-up, so starting (or a restart loop) never competes with a backup.
/// </summary>
public sealed class BackupWorker(WorkerLease lease, IServiceScopeFactory scopes, IOptions<BackupOptions> options,
    TimeProvider clock, ILogger<BackupWorker> log) : LeasedWorker(lease, clock, log)
{
    public static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(2);
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();
    private DateTime? _lastFailureUtc;

    protected override string Job => "backup";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Min(2, options.Value.IntervalHours * 60));

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (Clock.GetUtcNow() - _startedAt < StartDelay) return false;
        await RunIfDueAsync(ct);
        return false;
    }

    public async Task<BackupRunOutcome> RunIfDueAsync(CancellationToken ct)
    {
        var every = TimeSpan.FromHours(options.Value.IntervalHours);
        var folder = new BackupFolder(options.Value.Folder);
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct);
        if (settings.BackupRetentionDays <= 0) return BackupRunOutcome.Disabled;
        if (folder.List() is [var newest, ..] && now - newest.TakenAtUtc < every) return BackupRunOutcome.NotDue;
        if (_lastFailureUtc is { } failed && now - failed < TimeSpan.FromTicks(Math.Min(every.Ticks, TimeSpan.FromHours(1).Ticks)))
            return BackupRunOutcome.NotDue;

        try
        {
            var (file, header) = await folder.WriteAsync(scope.ServiceProvider.GetRequiredService<BackupService>(), now, ct);
            var pruned = folder.Prune(now.AddDays(-settings.BackupRetentionDays));
            _lastFailureUtc = null;
            log.LogInformation("Scheduled backup {File} written ({Rows} rows); {Pruned} old backup(s) deleted", file, header.TotalRows,
                pruned.Count);
            await AlertAsync($"💾 Backup OK: <code>{WebUtility.HtmlEncode(Path.GetFileName(file))}</code>, {header.TotalRows} rows, " +
                             $"{new FileInfo(file).Length / 1024} KB. {pruned.Count} old backup(s) deleted.", ct);
            return BackupRunOutcome.Written;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _lastFailureUtc = now;
            log.LogError(e, "Scheduled backup into {Folder} failed", folder.Path);
            await AlertAsync($"⚠️ Backup FAILED into <code>{WebUtility.HtmlEncode(folder.Path)}</code>: {WebUtility.HtmlEncode(e.Message)}",
                ct);
            return BackupRunOutcome.Failed;
        }
    }

    private async Task AlertAsync(string html, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Outbox>().ToOwners(html);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not queue the backup alert for the owners");
        }
    }
}
