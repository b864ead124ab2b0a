namespace BotAutoOrder.Domain.Orders;

public enum OrderStatus
{
    /// <summary>Created, stock reserved, waiting for the QRIS payment.</summary>
    PendingPayment,
    /// <summary>Paid; its stock items are sold to it.</summary>
    Paid,
    /// <summary>Unpaid past its expiry; reservation released.</summary>
    Expired,
    /// <summary>Cancelled by the buyer or an admin before payment; reservation released.</summary>
    Cancelled,
    /// <summary>Paid, then refunded to the buyer's balance by an admin.</summary>
    Refunded,
}
