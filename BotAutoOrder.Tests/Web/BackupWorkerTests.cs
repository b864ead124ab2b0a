using System.Text.Json;
using BotAutoOrder.Domain;
using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Backups;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Tests.Web;

/// <summary>Scheduled backups: due by the newest file's time, pruned by BackupRetentionDays, the owner alerted either way.</summary>
public class BackupWorkerTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 4, 10, 1, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task RunIfDue_FirstRun_WritesARestorableBackupNamedByTheTime()
    {
        var (worker, services, _, folder) = await CreateAsync(retentionDays: 3);

        Assert.Equal(BackupRunOutcome.Written, await worker.RunIfDueAsync(CancellationToken.None));

        var written = Path.Combine(folder, "botautoorder-20260410-010000.json.gz");
        Assert.True(File.Exists(written));
        await using var scope = services.CreateAsyncScope();
        var restored = await scope.ServiceProvider.GetRequiredService<BackupService>()
            .RestoreAsync(File.OpenRead(written), force: true, "system:test", CancellationToken.None);
        Assert.True(restored.Succeeded, restored.Message); // the scheduled file is a real backup
    }

    [Fact]
    public async Task RunIfDue_Written_PrunesOurFilesPastRetentionAndKeepsTheRest()
    {
        var (worker, _, _, folder) = await CreateAsync(retentionDays: 3);
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "botautoorder-20260401-010000.json.gz");
        var recentEnough = Path.Combine(folder, "botautoorder-20260408-010000.json.gz");
        var foreign = Path.Combine(folder, "keep-me.json.gz");
        foreach (var f in new[] { old, recentEnough, foreign }) await File.WriteAllTextAsync(f, "x");

        Assert.Equal(BackupRunOutcome.Written, await worker.RunIfDueAsync(CancellationToken.None));

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recentEnough));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task RunIfDue_Written_AlertsTheOwnerOnce()
    {
        var (worker, services, _, _) = await CreateAsync(retentionDays: 3);

        await worker.RunIfDueAsync(CancellationToken.None);

        Assert.Contains("Backup OK", Assert.Single(await OwnerAlertsAsync(services)));
    }

    [Fact]
    public async Task RunIfDue_BeforeTheIntervalHasPassed_IsNotDueThenWritesTheNextFile()
    {
        var (worker, _, clock, folder) = await CreateAsync(retentionDays: 3);
        Assert.Equal(BackupRunOutcome.Written, await worker.RunIfDueAsync(CancellationToken.None));

        clock.Now = clock.Now.AddHours(23);
        Assert.Equal(BackupRunOutcome.NotDue, await worker.RunIfDueAsync(CancellationToken.None));
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(BackupRunOutcome.Written, await worker.RunIfDueAsync(CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(folder, "botautoorder-20260411-010000.json.gz")));
    }

    [Fact]
    public async Task RunIfDue_RetentionZero_IsDisabledAndWritesNothing()
    {
        var (worker, _, _, folder) = await CreateAsync(retentionDays: 0);

        Assert.Equal(BackupRunOutcome.Disabled, await worker.RunIfDueAsync(CancellationToken.None));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task RunIfDue_FolderUnwritable_FailsAndAlertsTheOwnerEscaped()
    {
        var (worker, services, _, _) = await CreateAsync(retentionDays: 7, folder: Path.Combine(await BlockerFileAsync(), "<b>&backups"));

        Assert.Equal(BackupRunOutcome.Failed, await worker.RunIfDueAsync(CancellationToken.None));

        var alert = Assert.Single(await OwnerAlertsAsync(services));
        Assert.Contains("Backup FAILED", alert);
        Assert.Contains("&lt;b&gt;&amp;backups", alert);
        Assert.DoesNotContain("<b>&", alert);
    }

    [Fact]
    public async Task RunIfDue_AfterAFailure_WaitsAnHourBeforeRetrying()
    {
        var (worker, _, clock, _) = await CreateAsync(retentionDays: 7, folder: Path.Combine(await BlockerFileAsync(), "backups"));
        Assert.Equal(BackupRunOutcome.Failed, await worker.RunIfDueAsync(CancellationToken.None));

        clock.Now = clock.Now.AddMinutes(30);
        Assert.Equal(BackupRunOutcome.NotDue, await worker.RunIfDueAsync(CancellationToken.None));
        clock.Now = clock.Now.AddMinutes(31);
        Assert.Equal(BackupRunOutcome.Failed, await worker.RunIfDueAsync(CancellationToken.None));
    }

    /// <summary>A file where the backup folder's parent should be, so creating the folder fails.</summary>
    private static async Task<string> BlockerFileAsync()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "botautoorder-tests", $"blocker-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        return blocker;
    }

    private static async Task<(BackupWorker, ServiceProvider, ManualClock, string)> CreateAsync(int retentionDays, string? folder = null)
    {
        var database = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "bk_worker");
        folder ??= Path.Combine(Path.GetTempPath(), "botautoorder-tests", $"backups-{Guid.NewGuid():N}");
        var clock = new ManualClock();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
            o.UseSqlite(database.ConnectionString, x => x.MigrationsHistoryTable(DatabaseSetup.MigrationsTable)));
        services.AddDomain();
        services.AddSingleton(new ShopSettingsDefaults(new ShopSettings { BackupRetentionDays = retentionDays }));
        services.AddSingleton(new NotificationTargets([], [4242]));
        services.AddSingleton<WorkerLease>();
        services.AddScoped<BackupService>();
        services.AddSingleton(Options.Create(new BackupOptions { Folder = folder, IntervalHours = 24 }));
        var provider = services.BuildServiceProvider();
        return (ActivatorUtilities.CreateInstance<BackupWorker>(provider), provider, clock, folder);
    }

    private static async Task<List<string>> OwnerAlertsAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var payloads = await db.OutboxMessages.Where(m => m.ChatId == 4242 && m.Bot == OutboxBot.Owner).Select(m => m.PayloadJson).ToListAsync();
        return payloads.Select(json => JsonDocument.Parse(json).RootElement.GetProperty("Html").GetString()!).ToList();
    }
}
