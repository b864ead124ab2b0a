namespace BotAutoOrder.Domain.Warranty;

/// <summary>What a text or photo did to the buyer's claim draft.</summary>
public enum ClaimInputOutcome
{
    /// <summary>No draft waiting: the message is not about a claim.</summary>
    None,
    /// <summary>A photo came first: the reason (text) is still needed.</summary>
    NeedReason,
    /// <summary>The reason is in: a screenshot, or skip.</summary>
    NeedScreenshot,
    /// <summary>The claim is open and the sellers were told.</summary>
    Submitted,
}

/// <summary>The outcome of the buyer's input, with the claim it touched and whether it was replaced automatically at once.</summary>
public sealed record ClaimInput(ClaimInputOutcome Outcome, long? ClaimId = null, bool AutoReplaced = false);
