using System.Globalization;
using System.Reflection;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Settings;

/// <summary>
/// Reads and writes <see cref="ShopSettings"/>: one <see cref="Setting"/> row per changed property (key = property name),
/// over defaults supplied by the host. Reads are cached for a few seconds; a write clears the cache.
/// </summary>
public sealed class SettingsService(AppDbContext db, ShopSettingsDefaults defaults, SettingsCache cache, AuditLog audit, TimeProvider clock)
{
    private static readonly PropertyInfo[] Properties = typeof(ShopSettings).GetProperties();

    public async Task<ShopSettings> GetAsync(CancellationToken ct)
    {
        if (cache.TryGet(clock.GetUtcNow(), out var cached)) return cached;
        var rows = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var settings = defaults.Value;
        foreach (var p in Properties)
        {
            if (!rows.TryGetValue(p.Name, out var raw)) continue;
            try
            {
                var value = Convert.ChangeType(raw, p.PropertyType, CultureInfo.InvariantCulture);
                settings = With(settings, p, value);
            }
            catch (FormatException)
            {
                // An unreadable stored value falls back to the default rather than breaking the shop.
            }
        }
        cache.Set(settings, clock.GetUtcNow());
        return settings;
    }

    /// <summary>Stores every property that differs from what is in force now, audited with the actor.</summary>
    public async Task SaveAsync(ShopSettings updated, string actor, CancellationToken ct)
    {
        var current = await GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in Properties)
        {
            var before = Convert.ToString(p.GetValue(current), CultureInfo.InvariantCulture) ?? "";
            var after = Convert.ToString(p.GetValue(updated), CultureInfo.InvariantCulture) ?? "";
            if (before == after) continue;
            var row = await db.Settings.FindAsync([p.Name], ct);
            if (row is null) db.Settings.Add(new Setting(p.Name, after, now));
            else row.Set(after, now);
            audit.Record(actor, AuditActions.SettingsChanged, "Setting", p.Name, new { before, after });
        }
        await db.SaveChangesAsync(ct);
        cache.Clear();
    }

    private static ShopSettings With(ShopSettings s, PropertyInfo p, object? value)
    {
        var copy = s with { };
        p.SetValue(copy, value);
        return copy;
    }
}
