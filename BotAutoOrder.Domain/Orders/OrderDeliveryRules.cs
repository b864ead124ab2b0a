using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// When an order's items may go to the buyer: only while the order is paid. A refund (or anything else that takes the
/// order out of Paid) cancels its queued deliveries in the same transaction, and the sender asks <see cref="WhyNot"/>
/// before rendering, so a delivery held back by a 429 or a slow Telegram never reaches a buyer who got the money back.
/// </summary>
public static class OrderDeliveryRules
{
    /// <summary>The outbox error recorded on a delivery that was cancelled or refused because the order is no longer paid.</summary>
    public const string NotPaidPrefix = "cancelled: order no longer paid";

    /// <summary>Null when the order's items may be delivered; otherwise the reason (recorded on the outbox row).</summary>
    public static string? WhyNot(OrderStatus? status) => status == OrderStatus.Paid ? null
        : $"{NotPaidPrefix} ({status?.ToString() ?? "missing"})";

    /// <summary>Cancels the order's pending delivery and terms rows (in the caller's transaction); returns how many.</summary>
    public static Task<int> CancelPendingAsync(AppDbContext db, long orderId, CancellationToken ct)
    {
        var payloadStart = $"{{\"OrderId\":{orderId},";
        var payloadWhole = $"{{\"OrderId\":{orderId}}}";
        return db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && (m.Kind == OutboxKinds.OrderDelivery || m.Kind == OutboxKinds.OrderTerms)
                        && (m.PayloadJson.StartsWith(payloadStart) || m.PayloadJson == payloadWhole))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, NotPaidPrefix), ct);
    }
}
