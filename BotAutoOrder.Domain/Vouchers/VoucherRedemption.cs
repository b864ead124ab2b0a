namespace BotAutoOrder.Domain.Vouchers;

/// <summary>A voucher used by an order (one per order); released when the order expires or is cancelled.</summary>
public class VoucherRedemption
{
    private VoucherRedemption() { }

    public VoucherRedemption(long voucherId, long customerId, long orderId, long discount, DateTime nowUtc)
    {
        VoucherId = voucherId;
        CustomerId = customerId;
        OrderId = orderId;
        Discount = discount;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long VoucherId { get; private set; }
    public long CustomerId { get; private set; }
    public long OrderId { get; private set; }
    public long Discount { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
}
