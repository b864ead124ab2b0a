using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// Tells the send path which lane the Bot API calls of the current async flow belong to. No lane (the default) means a
/// reply while handling an update: it never waits for the bulk budget. The outbox sender enters its row's lane and
/// says it already took the bulk token, so the handler does not take a second one.
/// </summary>
public static class SendLane
{
    private static readonly AsyncLocal<Entry?> Current = new();

    public static OutboxLane? Lane => Current.Value?.Lane;

    /// <summary>True when the caller already holds a bulk token for this call.</summary>
    public static bool TokenTaken => Current.Value?.TokenTaken == true;

    public static IDisposable Enter(OutboxLane lane, bool tokenTaken = false)
    {
        var previous = Current.Value;
        Current.Value = new Entry(lane, tokenTaken);
        return new Exit(previous);
    }

    private sealed record Entry(OutboxLane Lane, bool TokenTaken);

    private sealed class Exit(Entry? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
