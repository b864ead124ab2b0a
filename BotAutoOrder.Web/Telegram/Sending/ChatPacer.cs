using System.Collections.Concurrent;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// Per-chat pacing: Telegram tolerates short bursts to one chat but about one message a second over time. Allows a
/// burst of <see cref="Burst"/>, then one message per second.
/// </summary>
public sealed class ChatPacer(TimeProvider clock)
{
    public const int Burst = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(Burst);
    private readonly ConcurrentDictionary<long, Queue<DateTimeOffset>> _sent = new();

    /// <summary>How long to wait before messaging this chat again (zero when it may be messaged now).</summary>
    public TimeSpan WaitFor(long chatId)
    {
        if (!_sent.TryGetValue(chatId, out var times)) return TimeSpan.Zero;
        lock (times)
        {
            var now = clock.GetUtcNow();
            while (times.Count > 0 && now - times.Peek() >= Window) times.Dequeue();
            return times.Count < Burst ? TimeSpan.Zero : times.Peek() + Window - now;
        }
    }

    public void Record(long chatId)
    {
        var times = _sent.GetOrAdd(chatId, _ => new Queue<DateTimeOffset>());
        lock (times) times.Enqueue(clock.GetUtcNow());
        if (_sent.Count > 50_000) _sent.Clear(); // bounded memory: forgetting pacing history is harmless
    }
}
