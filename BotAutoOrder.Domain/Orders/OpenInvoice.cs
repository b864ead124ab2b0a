using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Domain.Orders;

/// <summary>An order whose QRIS transaction the gateway opened: what the buyer's invoice message shows.</summary>
public sealed record OpenInvoice(Order Order, Payment Payment);
