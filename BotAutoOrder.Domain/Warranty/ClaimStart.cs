namespace BotAutoOrder.Domain.Warranty;

/// <summary>The answer to "claim this item": the draft (or why not), with what the buyer is told.</summary>
public sealed record ClaimStart(ClaimStartOutcome Outcome, long? ClaimId = null, string? ProductName = null, DateTime? WindowEndUtc = null);
