using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>
/// Renders templates for a language, with the admins' overrides (cached briefly). Placeholder values are
/// HTML-escaped unless given as <see cref="TgHtml"/>; numbers get Indonesian grouping (1.200).
/// </summary>
public sealed partial class BotTexts(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Indonesian = "id";
    public const string English = "en";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly CultureInfo NumberCulture = CultureInfo.GetCultureInfo("id-ID");

    private volatile IReadOnlyDictionary<(string, string), string>? _overrides;
    private DateTimeOffset _loadedAt;
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>English for an <c>en…</c> Telegram language code, otherwise Indonesian.</summary>
    public static string LanguageFor(string? languageCode) =>
        languageCode is not null && languageCode.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Indonesian;

    public async Task<string> RenderAsync(TextTemplate template, string language, CancellationToken ct,
        params (string Name, object? Value)[] values)
    {
        var overrides = await GetOverridesAsync(ct);
        var text = overrides.TryGetValue((template.Key, language), out var custom) ? custom : template.For(language);
        return Fill(text, values);
    }

    public static string Fill(string text, IReadOnlyCollection<(string Name, object? Value)> values) =>
        Placeholder().Replace(text, m =>
        {
            foreach (var (name, value) in values)
                if (name == m.Groups[1].Value) return Format(value);
            return m.Value;
        });

    private static string Format(object? value) => value switch
    {
        null => "",
        TgHtml html => html.Value,
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", NumberCulture),
        IFormattable f => Html.Escape(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Html.Escape(value.ToString()),
    };

    /// <summary>Drops the cache so an edit in the dashboard shows at once.</summary>
    public void Invalidate() => _overrides = null;

    private async Task<IReadOnlyDictionary<(string, string), string>> GetOverridesAsync(CancellationToken ct)
    {
        var current = _overrides;
        if (current is not null && clock.GetUtcNow() - _loadedAt < CacheFor) return current;
        await _loadLock.WaitAsync(ct);
        try
        {
            if (_overrides is { } fresh && clock.GetUtcNow() - _loadedAt < CacheFor) return fresh;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.BotTextOverrides.AsNoTracking().ToListAsync(ct);
            var map = new ConcurrentDictionary<(string, string), string>(rows.ToDictionary(r => (r.Key, r.Language), r => r.Text));
            _loadedAt = clock.GetUtcNow();
            _overrides = map;
            return map;
        }
        finally
        {
            _loadLock.Release();
        }
    }
}
