namespace BotAutoOrder.Domain.Settings;

/// <summary>A few seconds of caching for <see cref="ShopSettings"/>, shared by all scopes of one process.</summary>
public sealed class SettingsCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private (ShopSettings Value, DateTimeOffset At)? _entry;

    public bool TryGet(DateTimeOffset now, out ShopSettings settings)
    {
        var entry = _entry;
        if (entry is { } e && now - e.At < Lifetime)
        {
            settings = e.Value;
            return true;
        }
        settings = null!;
        return false;
    }

    public void Set(ShopSettings settings, DateTimeOffset now) => _entry = (settings, now);

    public void Clear() => _entry = null;
}
