using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>What an admin can do to an order from its detail page.</summary>
public enum OrderAction
{
    MarkPaid,
    Resend,
    Cancel,
    Refund,
}

/// <summary>
/// Which order states each dashboard action applies to, whether it needs a note, and running it: a cancel first stops the
/// gateway from accepting payment, then closes the order (so a payment racing the cancel still ends in the gateway gate).
/// </summary>
public sealed class OrderActions(AppDbContext db, OrderAdminService orders, GatewayInvoices gateway, ShopMetrics metrics)
{
    public static IReadOnlyList<OrderStatus> AppliesTo(OrderAction action) => action switch
    {
        OrderAction.MarkPaid => [OrderStatus.PendingPayment, OrderStatus.Expired, OrderStatus.Cancelled],
        OrderAction.Cancel => [OrderStatus.PendingPayment],
        _ => [OrderStatus.Paid],
    };

    public static bool Applies(OrderAction action, OrderStatus status) => AppliesTo(action).Contains(status);

    /// <summary>The English UI text (a <see cref="UiText"/> key) naming the action, explaining it, and reporting it done.</summary>
    public static (string Label, string Explanation, string Done) Texts(OrderAction action) => action switch
    {
        OrderAction.MarkPaid =>
            ("Mark paid", "The buyer paid outside the bot's sight: the QRIS is cancelled at the gateway, the order is paid and its items " +
            "are delivered.", "Order marked paid; the delivery is on its way."),
        OrderAction.Resend => ("Resend delivery", "Sends the delivered items to the buyer again.", "Delivery queued again."),
        OrderAction.Cancel =>
            ("Cancel invoice", "Cancels the QRIS at the gateway, closes the order and releases its stock.",
            "Invoice cancelled; the stock is available again."),
        _ => ("Refund to balance", "The order's total goes to the buyer's balance; the order becomes Refunded.",
            "Refunded to the buyer's balance."),
    };

    public static bool NeedsNote(OrderAction action) => action is OrderAction.MarkPaid or OrderAction.Refund;

    public async Task<OrderAdminResult> RunAsync(OrderAction action, long orderId, string? note, string actor, CancellationToken ct)
    {
        switch (action)
        {
            case OrderAction.MarkPaid:
                // As Cancel does: stop the gateway from taking the buyer's money first; a payment that still gets through
                // is credited to the balance with a reconciliation item (PaymentService), never dropped.
                await CancelOpenPaymentsAsync(orderId, ct);
                var paid = await orders.MarkPaidAsync(orderId, note!, actor, ct);
                if (paid.Outcome == OrderAdminOutcome.Done) metrics.PaymentConfirmed(actor);
                return paid;
            case OrderAction.Resend: return await orders.ResendAsync(orderId, actor, ct);
            case OrderAction.Refund: return await orders.RefundToBalanceAsync(orderId, note!, actor, ct);
            default:
                var status = await db.Orders.Where(o => o.Id == orderId).Select(o => (OrderStatus?)o.Status).FirstOrDefaultAsync(ct);
                if (status is null) return new OrderAdminResult(OrderAdminOutcome.NotFound);
                if (status != OrderStatus.PendingPayment) return new OrderAdminResult(OrderAdminOutcome.WrongState, status.ToString());
                await CancelOpenPaymentsAsync(orderId, ct);
                return await orders.CancelAsync(orderId, note ?? "", actor, ct);
        }
    }

    private async Task CancelOpenPaymentsAsync(long orderId, CancellationToken ct)
    {
        var open = await db.Payments.Where(p => p.OrderId == orderId && p.AppliedAtUtc == null)
            .Select(p => p.GatewayOrderId).ToListAsync(ct);
        foreach (var gatewayOrderId in open) await gateway.CancelAsync(gatewayOrderId, ct);
    }
}
