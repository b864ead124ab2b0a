namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// The order holds fewer (or more) reserved items than it ordered, so it cannot be fulfilled as sold. The caller rolls
/// back and turns it into a reconciliation item; it is never retried blindly.
/// </summary>
public sealed class FulfilmentShortException(long orderId, int ordered, int reserved)
    : InvalidOperationException($"Order {orderId}: {reserved} reserved items for {ordered} ordered; refusing to fulfil.")
{
    public long OrderId { get; } = orderId;
    public int Ordered { get; } = ordered;
    public int Reserved { get; } = reserved;
}
