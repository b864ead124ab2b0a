using System.Globalization;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Where a keyset page starts or ends: the sort key of a row (its time, when the list is ordered by time, and its id as
/// the tie-breaker). Written into the pager links as <c>ticks_id</c> (or just <c>id</c>) so a link always means "the
/// rows after/before this row", whatever was inserted since.
/// </summary>
public readonly record struct PageCursor(DateTime? At, long Id)
{
    public override string ToString() => At is { } at
        ? at.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + Id.ToString(CultureInfo.InvariantCulture)
        : Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a cursor written by <see cref="ToString"/>; <paramref name="timed"/> says which shape the list uses.</summary>
    public static bool TryParse(string? text, bool timed, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 45) return false;
        var parts = text.Split('_');
        if (parts.Length != (timed ? 2 : 1)) return false;
        if (!long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        if (!timed)
        {
            cursor = new PageCursor(null, id);
            return true;
        }
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks) return false;
        cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
