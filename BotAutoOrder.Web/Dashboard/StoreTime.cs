using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>Converts between UTC (stored) and the store's time zone (<c>Store:TimeZone</c>, shown to admins).</summary>
public sealed class StoreTime(IOptions<StoreOptions> store, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = store.Value.TimeZoneInfo;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>The store's current calendar day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ToLocal(NowUtc));

    /// <summary>Midnight (store time) at the start of <paramref name="day"/>, in UTC.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public string Format(DateTime? utc) => utc is { } u ? ToLocal(u).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>The value for an <c>input type="datetime-local"</c>.</summary>
    public string? InputValue(DateTime? utc) =>
        utc is { } u ? ToLocal(u).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
}
