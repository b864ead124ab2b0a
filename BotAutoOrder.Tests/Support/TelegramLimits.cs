namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A <see cref="BotApiDouble.Responder"/> that behaves like Telegram under a broadcast: more than <see cref="PerSecond"/>
/// free send calls (or <see cref="PaidPerSecond"/> paid-broadcast calls) within any sliding second are answered 429 with
/// <c>retry_after</c> 1; chats chosen by
/// <paramref name="blocked"/> answer 403. Every send call is logged with its answer, so tests can count deliveries per chat.
/// </summary>
public sealed class TelegramLimits(Func<long, bool> blocked)
{
    public const int PerSecond = 30;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly List<SendRecord> _log = [];

    public BotApiReply? Respond(BotApiCall call)
    {
        if (call.Method is not ("sendMessage" or "sendPhoto")) return null;
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            // A paid broadcast (allow_paid_broadcast) is outside the free limit and held to its own 1000/s instead.
            var paid = call.Parameters["allow_paid_broadcast"]?.ToString() is "true" or "True";
            var window = paid ? _paidWindow : _window;
            while (window.Count > 0 && now - window.Peek() >= Second) window.Dequeue();
            window.Enqueue(now);
            var (status, reply) = window.Count > (paid ? PaidPerSecond : PerSecond) ? (429, BotApiReply.TooManyRequests(1))
                : call.ChatId is { } chat && blocked(chat) ? (403, BotApiReply.Blocked())
                : (200, (BotApiReply?)null); // null: the double's normal Message answer
            _log.Add(new SendRecord(call.ChatId ?? 0, call.Method, now, status, call.Text) { Paid = paid });
            return reply;
        }
    }

    /// <summary>Telegram's ceiling for paid broadcasts.</summary>
    public const int PaidPerSecond = 1000;
    private readonly Queue<DateTimeOffset> _paidWindow = new();

    public IReadOnlyList<SendRecord> Log
    {
        get { lock (_gate) return _log.ToList(); }
    }

    /// <summary>Successful (200) sends whose text contains <paramref name="marker"/>.</summary>
    public int Delivered(string marker)
    {
        lock (_gate) return _log.Count(r => r.Status == 200 && r.Text?.Contains(marker, StringComparison.Ordinal) == true);
    }

    /// <summary>The most timestamps found in any sliding one-second window.</summary>
    public static int MaxInAnySecond(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Order().ToList();
        var max = 0;
        for (int start = 0, end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= Second) start++;
            max = Math.Max(max, end - start + 1);
        }
        return max;
    }
}
