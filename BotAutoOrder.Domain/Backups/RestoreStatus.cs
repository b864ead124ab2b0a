namespace BotAutoOrder.Domain.Backups;

public enum RestoreStatus
{
    /// <summary>Every row of the file replaced the data of the database.</summary>
    Restored,
    /// <summary>The file is damaged, foreign or from an incompatible schema; nothing was changed.</summary>
    InvalidFile,
    /// <summary>The database already holds orders or buyers and the restore was not forced; nothing was changed.</summary>
    TargetNotEmpty,
}
