namespace BotAutoOrder.Domain.Warranty;

public enum ClaimResolutionOutcome
{
    Done,
    NotFound,
    /// <summary>The claim is not open any more (already decided: a double click), or its order is no longer paid.</summary>
    WrongState,
    /// <summary>No fresh stock of the product: the claim stays open and the sellers got a low-stock alert.</summary>
    OutOfStock,
    /// <summary>Automatic replacement only: the buyer reached the cap for the period; the claim waits for a seller.</summary>
    CapReached,
    /// <summary>Automatic replacement only: the store setting is off.</summary>
    AutoOff,
}

public sealed record ClaimResolution(ClaimResolutionOutcome Outcome, string? Detail = null)
{
    public bool Succeeded => Outcome == ClaimResolutionOutcome.Done;
}
