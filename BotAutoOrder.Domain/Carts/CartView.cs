using BotAutoOrder.Domain.Vouchers;

namespace BotAutoOrder.Domain.Carts;

/// <summary>A cart line priced now (never from an old snapshot), with the stock it can still take.</summary>
public sealed record CartLineView(long ProductId, string Name, long UnitPrice, int Quantity, int Available, int? PerOrderLimit,
    bool IsPurchasable)
{
    public long LineTotal => UnitPrice * Quantity;
}

/// <summary>The cart as the buyer sees it: current prices, the voucher's verdict and the totals.</summary>
public sealed record CartView(IReadOnlyList<CartLineView> Lines, string? VoucherCode, VoucherVerdict? VoucherVerdict, long Subtotal,
    long Discount)
{
    public long Total => Subtotal - Discount;
    public bool IsEmpty => Lines.Count == 0;
}
