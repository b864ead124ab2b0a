namespace BotAutoOrder.Domain.Balances;

public enum BalanceOutcome
{
    Applied,
    /// <summary>A debit larger than the balance: nothing changed.</summary>
    Insufficient,
    /// <summary>The same kind and reference was applied before: nothing changed.</summary>
    AlreadyApplied,
    CustomerNotFound,
}

/// <summary>The outcome of a ledger change and the balance after it.</summary>
public sealed record BalanceResult(BalanceOutcome Outcome, long Balance)
{
    public bool Succeeded => Outcome == BalanceOutcome.Applied;
}
