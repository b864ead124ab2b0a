namespace BotAutoOrder.Domain.Payments;

public enum PaymentIssueOutcome
{
    Resolved,
    NotFound,
    /// <summary>Someone resolved it first; nothing changed.</summary>
    AlreadyResolved,
}
