namespace BotAutoOrder.Domain.Orders;

public enum OrderAdminOutcome
{
    Done,
    /// <summary>The order is not in a state the action applies to (already paid, not paid, …).</summary>
    WrongState,
    /// <summary>A closed order could not be paid: its stock is gone.</summary>
    OutOfStock,
    NotFound,
}

public sealed record OrderAdminResult(OrderAdminOutcome Outcome, string? Detail = null)
{
    public bool Succeeded => Outcome == OrderAdminOutcome.Done;
}
