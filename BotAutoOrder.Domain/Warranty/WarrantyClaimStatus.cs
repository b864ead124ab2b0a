namespace BotAutoOrder.Domain.Warranty;

/// <summary>
/// Drafting → AwaitingScreenshot → Open while the buyer writes the claim; Open → Replaced / Refunded / Rejected when a
/// seller (or the automatic replacement) decides. A draft the buyer gives up on becomes Cancelled.
/// </summary>
public enum WarrantyClaimStatus
{
    /// <summary>The buyer picked the item; the next text is the reason.</summary>
    Drafting,
    /// <summary>The reason is in; the next photo is the screenshot (or the buyer skips it).</summary>
    AwaitingScreenshot,
    /// <summary>Submitted, waiting for a decision.</summary>
    Open,
    Replaced,
    Refunded,
    Rejected,
    Cancelled,
}
