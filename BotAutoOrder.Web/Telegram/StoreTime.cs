using System.Globalization;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Shows UTC times in the store's time zone (default Asia/Jakarta, "WIB"), the way Indonesians write them.</summary>
public sealed class StoreTime(IOptions<StoreOptions> store)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private readonly TimeZoneInfo _zone = store.Value.TimeZoneInfo;
    private readonly string _label = LabelFor(store.Value.TimeZone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary><c>14:05 WIB, 24 Nov 2026</c>.</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString("HH:mm", Indonesian) + $" {_label}, " + ToLocal(utc).ToString("d MMM yyyy", Indonesian);

    /// <summary><c>24/11 14:05</c>, for lists.</summary>
    public string Short(DateTime utc) => ToLocal(utc).ToString("dd/MM HH:mm", Indonesian);

    private static string LabelFor(string zone) => zone switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => zone,
    };
}
