using System.Globalization;

namespace BotAutoOrder.Domain.Common;

/// <summary>
/// The store's clock and calendar: times are stored in UTC and shown in the store's time zone (<c>Store:TimeZone</c>,
/// default Asia/Jakarta, "WIB") — to admins as <c>2026-11-24 14:05</c>, to buyers the way Indonesians write them.
/// </summary>
public sealed class StoreTime(string timeZoneId, TimeProvider clock)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    private readonly string _label = LabelFor(timeZoneId);

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>The store's current calendar day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ToLocal(NowUtc));

    /// <summary>Midnight (store time) at the start of <paramref name="day"/>, in UTC.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>For the dashboard: <c>2026-11-24 14:05</c>, or a dash when there is no time.</summary>
    public string Format(DateTime? utc) => utc is { } u ? ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";

    /// <summary>The value for an <c>input type="datetime-local"</c>.</summary>
    public string? InputValue(DateTime? utc) =>
        utc is { } u ? ToLocal(u).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>For buyers and admin chats: <c>14.05 WIB, 24 Nov 2026</c> (id-ID writes the time with a dot).</summary>
    public string Long(DateTime utc) => ToLocal(utc).ToString("HH:mm", Indonesian) + $" {_label}, "
        + ToLocal(utc).ToString("d MMM yyyy", Indonesian);

    /// <summary><c>24/11 14.05</c>, for lists in the bot.</summary>
    public string Short(DateTime utc) => ToLocal(utc).ToString("dd/MM HH:mm", Indonesian);

    private static string LabelFor(string zone) => zone switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => zone,
    };
}
