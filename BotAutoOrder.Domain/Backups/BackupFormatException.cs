namespace BotAutoOrder.Domain.Backups;

/// <summary>A backup file that cannot be restored: the message says why, for the operator.</summary>
internal sealed class BackupFormatException(string message) : Exception(message);
