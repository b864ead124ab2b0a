namespace BotAutoOrder.Domain.Restock;

/// <summary>
/// A buyer waiting for a sold-out product ("🔔 Kabari saya"). Told once when stock is added, then the row is deleted
/// in the same transaction as the notice is queued.
/// </summary>
public class RestockSubscription
{
    private RestockSubscription() { }

    public RestockSubscription(long productId, long customerId, DateTime nowUtc)
    {
        ProductId = productId;
        CustomerId = customerId;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long ProductId { get; private set; }
    public long CustomerId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
}
