namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// How much a backup file may inflate to when it is read: the whole document and one value (a row with its largest
/// cell: a broadcast photo is at most 10 MB, about 13.4 MB as base64). A crafted gzip (1 MB that inflates to
/// gigabytes) is refused at the cap instead of being read to its end or held in memory.
/// </summary>
public sealed record RestoreLimits(long MaxDocumentBytes, int MaxValueBytes)
{
    public static readonly RestoreLimits Default = new(512L * 1024 * 1024, 32 * 1024 * 1024);
}
