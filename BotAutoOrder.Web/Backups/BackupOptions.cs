namespace BotAutoOrder.Web.Backups;

/// <summary><c>Backups:*</c>: where scheduled backups go and how often. How long they are kept is a shop setting
/// (<c>BackupRetentionDays</c>, 0 turns scheduled backups off).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    public string Folder { get; set; } = "data/backups";
    public double IntervalHours { get; set; } = 24;

    /// <summary>A backup that inflates past this many megabytes is refused (a crafted gzip must not run for ever).</summary>
    public int MaxRestoreMegabytes { get; set; } = 512;
}
