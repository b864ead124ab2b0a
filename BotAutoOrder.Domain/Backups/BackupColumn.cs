namespace BotAutoOrder.Domain.Backups;

/// <summary>A column as stored: its name, the provider-side CLR type (enums are strings) and whether it takes NULL.</summary>
internal sealed record BackupColumn(string Name, Type Type, bool IsNullable);
