namespace BotAutoOrder.Domain.Messaging;

/// <summary>An inbound notification seen before (Telegram <c>update_id</c>, gateway event); unique per source.</summary>
public class InboundEvent
{
    private InboundEvent() { }

    public InboundEvent(string source, string externalId, DateTime nowUtc)
    {
        Source = source;
        ExternalId = externalId;
        ReceivedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string Source { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>Set when handling finished; a row left unprocessed by a crash may be taken up again by a redelivery.</summary>
    public DateTime? ProcessedAtUtc { get; private set; }
}
