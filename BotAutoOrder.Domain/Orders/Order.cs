namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// A purchase. Its status changes only through conditional updates in the services
/// (<c>WHERE Status = PendingPayment</c>), so a payment is applied at most once however many confirmations race.
/// </summary>
public class Order
{
    private readonly List<OrderLine> _lines = [];

    private Order() { }

    public Order(string invoiceCode, long customerId, PaymentMethod method, long subtotal, long discount,
        long? voucherId, DateTime nowUtc, DateTime expiresAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceCode);
        ArgumentOutOfRangeException.ThrowIfNegative(subtotal);
        ArgumentOutOfRangeException.ThrowIfNegative(discount);
        if (discount > subtotal) throw new ArgumentOutOfRangeException(nameof(discount));
        InvoiceCode = invoiceCode;
        CustomerId = customerId;
        PaymentMethod = method;
        Subtotal = subtotal;
        Discount = discount;
        Total = subtotal - discount;
        VoucherId = voucherId;
        Status = OrderStatus.PendingPayment;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public long Id { get; private set; }
    public string InvoiceCode { get; private set; } = "";
    public long CustomerId { get; private set; }
    public OrderStatus Status { get; private set; }
    public PaymentMethod PaymentMethod { get; private set; }
    public long Subtotal { get; private set; }
    public long Discount { get; private set; }
    /// <summary>Subtotal minus discount: what the shop receives (the gateway fee comes on top for QRIS).</summary>
    public long Total { get; private set; }
    public long? VoucherId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>Where the QR message was sent, so it can be edited when the order is paid or expires.</summary>
    public long? QrChatId { get; private set; }
    public int? QrMessageId { get; private set; }
    public string? Note { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;

    public void AddLine(long productId, string productName, long unitPrice, int quantity) =>
        _lines.Add(new OrderLine(productId, productName, unitPrice, quantity));

    public void SetExpiry(DateTime expiresAtUtc) => ExpiresAtUtc = expiresAtUtc;

    public void AttachQrMessage(long chatId, int messageId)
    {
        QrChatId = chatId;
        QrMessageId = messageId;
    }
}
