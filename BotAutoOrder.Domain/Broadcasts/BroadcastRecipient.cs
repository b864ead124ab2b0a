namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>One buyer of a broadcast; unique per broadcast so nobody is messaged twice.</summary>
public class BroadcastRecipient
{
    private BroadcastRecipient() { }

    public BroadcastRecipient(long broadcastId, long customerId, long chatId)
    {
        BroadcastId = broadcastId;
        CustomerId = customerId;
        ChatId = chatId;
        Status = BroadcastRecipientStatus.Pending;
    }

    public long Id { get; private set; }
    public long BroadcastId { get; private set; }
    public long CustomerId { get; private set; }
    public long ChatId { get; private set; }
    public BroadcastRecipientStatus Status { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? Error { get; private set; }
}
