using BotAutoOrder.Domain.Audit;

namespace BotAutoOrder.Domain.Backups;

/// <summary>Writes who downloaded which backup (a backup holds every buyer and order), before the file is served.</summary>
public sealed class BackupDownloads(AuditedSave save)
{
    public Task RecordAsync(string actor, string file, bool scheduled, CancellationToken ct) =>
        save.SaveAsync(actor, AuditActions.BackupDownloaded, "Database", () => null,
            () => scheduled ? new { file, scheduled = true } : (object)new { file }, ct);
}
