namespace BotAutoOrder.Domain.Backups;

/// <summary>One table in a backup's header: how many rows it holds and the SHA-256 (hex) of those rows.</summary>
/// <remarks>The hash covers each row's JSON exactly as written in the file, each followed by a newline byte.</remarks>
public sealed record BackupTableInfo(string Name, long RowCount, string Sha256);
