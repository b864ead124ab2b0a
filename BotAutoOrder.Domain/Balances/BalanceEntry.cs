namespace BotAutoOrder.Domain.Balances;

/// <summary>
/// One line of a buyer's balance ledger. The customer's balance is the sum of its entries; <see cref="BalanceAfter"/>
/// is never negative (check constraint). <see cref="Reference"/> is unique per kind, so the same deposit or refund
/// cannot be credited twice.
/// </summary>
public class BalanceEntry
{
    private BalanceEntry() { }

    public BalanceEntry(long customerId, BalanceEntryKind kind, long amount, long balanceAfter, string reference,
        string? note, string actor, DateTime nowUtc)
    {
        if (amount == 0) throw new ArgumentOutOfRangeException(nameof(amount));
        ArgumentOutOfRangeException.ThrowIfNegative(balanceAfter);
        CustomerId = customerId;
        Kind = kind;
        Amount = amount;
        BalanceAfter = balanceAfter;
        Reference = reference;
        Note = note;
        Actor = actor;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public BalanceEntryKind Kind { get; private set; }
    /// <summary>Signed: credits positive, debits negative.</summary>
    public long Amount { get; private set; }
    public long BalanceAfter { get; private set; }
    /// <summary>What caused it (<c>DEP-…</c>, <c>INV-…</c>, <c>admin:…</c>); unique together with <see cref="Kind"/>.</summary>
    public string Reference { get; private set; } = "";
    public string? Note { get; private set; }
    public string Actor { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
}
