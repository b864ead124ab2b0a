namespace BotAutoOrder.Domain.Backups;

/// <summary>What a restore did; <see cref="Message"/> is written for the operator.</summary>
public sealed record RestoreResult(RestoreStatus Status, string Message, BackupHeader? Header = null, RestoreLoss? Loss = null)
{
    public bool Succeeded => Status == RestoreStatus.Restored;
}
