namespace BotAutoOrder.Domain.Payments;

/// <summary>Pakasir's statuses (<c>canceled</c> and <c>cancelled</c> both map to <see cref="Cancelled"/>).</summary>
public enum PaymentStatus
{
    Pending,
    Completed,
    Expired,
    Cancelled,
}
