using System.Collections.Concurrent;

namespace BotAutoOrder.Web.Telegram;

public enum SpamVerdict
{
    Allow,
    /// <summary>Over the limit for the first time in this window: warn the buyer and alert the admins, once.</summary>
    Warn,
    /// <summary>Still over the limit: ignore quietly.</summary>
    Drop,
}

/// <summary>
/// Per-buyer sliding window over updates (<c>SpamMaxActions</c> per <c>SpamWindowSeconds</c>, from the dashboard's
/// settings). Generous by default (30 per 10 s) so pressing ➕ quickly never trips it. In memory: each instance counts its
/// own share, which only makes the limit looser with several instances.
/// </summary>
public sealed class SpamGuard(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, Window> _windows = new();

    public SpamVerdict Check(long userId, int maxActions, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        var w = _windows.GetOrAdd(userId, _ => new Window());
        lock (w)
        {
            while (w.Times.Count > 0 && now - w.Times.Peek() >= window) w.Times.Dequeue();
            w.Times.Enqueue(now);
            if (w.Times.Count <= maxActions) return SpamVerdict.Allow;
            if (w.WarnedAt is { } warned && now - warned < window) return SpamVerdict.Drop;
            w.WarnedAt = now;
            return SpamVerdict.Warn;
        }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Times { get; } = new();
        public DateTimeOffset? WarnedAt { get; set; }
    }
}
