namespace BotAutoOrder.Domain.Backups;

/// <summary>A table of the model: its columns in model order, its key, and the key columns filled by an identity sequence.</summary>
internal sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> Key,
    IReadOnlyList<string> IdentityColumns, IReadOnlyList<string> Principals);
