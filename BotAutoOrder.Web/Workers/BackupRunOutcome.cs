namespace BotAutoOrder.Web.Workers;

public enum BackupRunOutcome
{
    /// <summary>A backup was written (and old ones pruned).</summary>
    Written,
    /// <summary>The last backup (or failed attempt) is recent enough.</summary>
    NotDue,
    /// <summary><c>BackupRetentionDays</c> is 0.</summary>
    Disabled,
    /// <summary>The backup failed; the owner was alerted.</summary>
    Failed,
}
