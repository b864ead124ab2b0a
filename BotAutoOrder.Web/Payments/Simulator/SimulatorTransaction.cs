using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>One transaction held by the built-in simulator (immutable; the simulator swaps whole records).</summary>
public sealed record SimulatorTransaction(
    string TxnId,
    string Project,
    string OrderId,
    long Amount,
    long Fee,
    string Method,
    string? QrString,
    string? VaNumber,
    DateTime CreatedAtUtc,
    DateTime ExpiresAtUtc,
    PaymentStatus Status,
    DateTime? CompletedAtUtc)
{
    public long TotalPayment => Amount + Fee;
}
