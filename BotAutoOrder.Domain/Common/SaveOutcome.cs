namespace BotAutoOrder.Domain.Common;

public enum SaveOutcome
{
    Saved,
    /// <summary>A rule refused the draft; nothing changed (see the problems).</summary>
    Invalid,
    /// <summary>The row to edit does not exist (deleted, or a stale link).</summary>
    NotFound,
}
