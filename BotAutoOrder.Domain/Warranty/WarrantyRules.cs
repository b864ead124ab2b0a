using BotAutoOrder.Domain.Orders;

namespace BotAutoOrder.Domain.Warranty;

/// <summary>The arithmetic of a warranty: the window (counted from delivery) and an item's share of what was paid.</summary>
public static class WarrantyRules
{
    /// <summary>How long a draft keeps catching the buyer's texts and photos.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The last moment a claim may be opened: delivery (the order's payment, when its items were sent) plus the product's
    /// warranty days. A replacement does not extend the window. Null when the product carries no warranty.
    /// </summary>
    public static DateTime? WindowEnd(DateTime? deliveredAtUtc, int warrantyDays) =>
        warrantyDays <= 0 || deliveredAtUtc is null ? null : deliveredAtUtc.Value.AddDays(warrantyDays);

    public static bool IsWithin(DateTime? deliveredAtUtc, int warrantyDays, DateTime nowUtc) =>
        WindowEnd(deliveredAtUtc, warrantyDays) is { } end && nowUtc <= end;

    /// <summary>
    /// One unit's share of what the order cost the buyer: the unit price with the order's discount spread in proportion,
    /// rounded down, so the shares of all units never add up to more than the order's total.
    /// </summary>
    public static long ItemShare(long unitPrice, long orderSubtotal, long orderTotal)
    {
        if (orderSubtotal <= 0 || unitPrice <= 0) return 0;
        return (long)Math.Floor((decimal)unitPrice * orderTotal / orderSubtotal);
    }

    public static long ItemShare(OrderLine line, Order order) => ItemShare(line.UnitPrice, order.Subtotal, order.Total);
}
