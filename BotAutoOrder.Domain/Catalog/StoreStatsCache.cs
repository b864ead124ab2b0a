namespace BotAutoOrder.Domain.Catalog;

/// <summary>
/// The /start greeting's live figures, kept for <see cref="Lifetime"/> and shared by all scopes of one process. They
/// were three COUNT queries on every /start — over all paid orders and all buyers, which grows with the shop (issue 11)
/// — for numbers a buyer cannot tell apart from ones half a minute old.
/// </summary>
public sealed class StoreStatsCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private (StoreStats Value, DateTimeOffset At)? _entry;

    public bool TryGet(DateTimeOffset now, out StoreStats stats)
    {
        if (_entry is { } e && now - e.At < Lifetime && now >= e.At)
        {
            stats = e.Value;
            return true;
        }
        stats = null!;
        return false;
    }

    public void Set(StoreStats stats, DateTimeOffset now) => _entry = (stats, now);
}
