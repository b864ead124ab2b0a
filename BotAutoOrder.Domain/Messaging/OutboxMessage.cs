namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// A Telegram message to send, written in the same transaction as the state change that caused it.
/// A worker claims due rows, sends them and records the outcome; nothing is lost across restarts.
/// </summary>
public class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(long chatId, string kind, string payloadJson, DateTime nowUtc, OutboxBot bot = OutboxBot.Shop,
        string? deduplicationKey = null, long? broadcastRecipientId = null, DateTime? dueAtUtc = null, OutboxLane? lane = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ChatId = chatId;
        Kind = kind;
        PayloadJson = payloadJson;
        Bot = bot;
        DeduplicationKey = deduplicationKey;
        BroadcastRecipientId = broadcastRecipientId;
        Status = OutboxStatus.Pending;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = dueAtUtc ?? nowUtc;
        Lane = (int)(lane ?? OutboxLanes.For(kind, bot));
    }

    public long Id { get; private set; }
    public long ChatId { get; private set; }
    public OutboxBot Bot { get; private set; }
    /// <summary>What to do: <c>text</c>, <c>photo</c>, <c>document</c>, <c>edit</c>, <c>delete</c>… (the bot layer knows the
    /// shapes).</summary>
    public string Kind { get; private set; } = "";
    public string PayloadJson { get; private set; } = "";
    /// <summary>Optional key that makes an enqueue idempotent (unique).</summary>
    public string? DeduplicationKey { get; private set; }
    public long? BroadcastRecipientId { get; private set; }
    /// <summary>The <see cref="OutboxLane"/> as an int: the sender takes lower lanes first.</summary>
    public int Lane { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    /// <summary>
    /// A claim: the sender instance that has this row in flight, until this time. Another sender skips the row until
    /// then, so a sender that lost its lease mid-send cannot race the one that took over (see <see cref="OutboxRows.ClaimAsync"/>).
    /// </summary>
    public DateTime? LockedUntilUtc { get; private set; }
    public string? LockedBy { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }
}
