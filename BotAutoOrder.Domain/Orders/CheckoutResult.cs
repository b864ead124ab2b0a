namespace BotAutoOrder.Domain.Orders;

public enum CheckoutOutcome
{
    /// <summary>Order created; QRIS orders wait for payment, balance (or free) orders are already paid.</summary>
    Created,
    CartEmpty,
    /// <summary>A product ran out (or shrank below the quantity) before the reservation: <see
    /// cref="CheckoutResult.ProductName"/>.</summary>
    OutOfStock,
    /// <summary>A product was removed or hidden since it was put in the cart.</summary>
    ProductUnavailable,
    /// <summary>Over the product's per-order limit.</summary>
    LimitExceeded,
    InsufficientBalance,
    /// <summary>The cart's voucher no longer applies (<see cref="CheckoutResult.VoucherVerdict"/>).</summary>
    VoucherInvalid,
    Blocked,
}

public sealed record CheckoutResult(
    CheckoutOutcome Outcome,
    long? OrderId = null,
    string? InvoiceCode = null,
    long Total = 0,
    bool IsPaid = false,
    long? PaymentId = null,
    string? ProductName = null,
    long Balance = 0,
    Vouchers.VoucherVerdict? VoucherVerdict = null);
