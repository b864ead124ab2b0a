namespace BotAutoOrder.Domain.Warranty;

/// <summary>The items of an order a buyer may claim, or why none (<see cref="ClaimStartOutcome"/>).</summary>
public sealed record ClaimItems(ClaimStartOutcome Outcome, IReadOnlyList<ClaimableItem> Items, DateTime? WindowEndUtc = null);
