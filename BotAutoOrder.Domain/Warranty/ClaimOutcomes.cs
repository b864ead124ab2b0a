namespace BotAutoOrder.Domain.Warranty;

/// <summary>Why the buyer may or may not claim now.</summary>
public enum ClaimStartOutcome
{
    /// <summary>A draft exists: the buyer writes the reason next.</summary>
    Drafting,
    /// <summary>Not this buyer's paid order or item (a stale or forged button).</summary>
    NotAllowed,
    /// <summary>The product carries no warranty.</summary>
    NoWarranty,
    /// <summary>The warranty window has passed.</summary>
    WindowClosed,
    /// <summary>This item already has an open claim.</summary>
    AlreadyOpen,
    /// <summary>This item was refunded by an earlier claim.</summary>
    AlreadySettled,
}
