namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// The first part of a backup file: what it is, who wrote it, from which schema, and what each table holds.
/// <see cref="Schema"/> is the last migration applied to the source database (ids differ per provider; the
/// tables and columns are what must match on restore).
/// </summary>
public sealed record BackupHeader(string Format, int Version, DateTime CreatedAtUtc, string AppVersion, string Schema,
    string Provider, IReadOnlyList<BackupTableInfo> Tables)
{
    public const string FormatName = "botautoorder-backup";
    public const int CurrentVersion = 1;

    public long TotalRows => Tables.Sum(t => t.RowCount);
}
