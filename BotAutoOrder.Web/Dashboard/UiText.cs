using System.Globalization;
using Microsoft.Extensions.Localization;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// The dashboard's string table: keys are the English text, <see cref="UiTextIndonesian"/> holds the Indonesian.
/// Indonesian is the default UI culture; <c>?culture=en</c> (remembered in a cookie) switches to English.
/// Also serves validation messages and display names of the input models (data-annotations localization).
/// </summary>
public sealed class UiText : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = TryTranslate(name, out var value);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = TryTranslate(name, out var value);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        UiTextIndonesian.Table.Select(kv => this[kv.Key]);

    public static bool IsIndonesian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id";

    private static bool TryTranslate(string name, out string value)
    {
        if (!IsIndonesian)
        {
            value = name;
            return true;
        }
        var found = UiTextIndonesian.Table.TryGetValue(name, out var id);
        value = id ?? name;
        return found;
    }
}

/// <summary>Hands the one <see cref="UiText"/> table to MVC's data-annotations localization.</summary>
public sealed class UiTextFactory(UiText text) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => text;
    public IStringLocalizer Create(string baseName, string location) => text;
}
