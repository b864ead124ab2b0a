using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Domain.Balances;

/// <summary>A deposit whose QRIS transaction the gateway opened: what the buyer's top-up message shows.</summary>
public sealed record DepositInvoice(Deposit Deposit, Payment Payment);
