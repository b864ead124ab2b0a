namespace BotAutoOrder.Domain.Warranty;

/// <summary>The items of an order a buyer may claim (and the order's invoice), or why none (<see cref="ClaimStartOutcome"/>).</summary>
public sealed record ClaimItems(ClaimStartOutcome Outcome, IReadOnlyList<ClaimableItem> Items, DateTime? WindowEndUtc = null,
    string InvoiceCode = "");
