namespace BotAutoOrder.Domain.Terms;

public enum TermsProofStatus
{
    /// <summary>The buyer pressed "Penuhi SNK"; the next text/photo becomes the proof.</summary>
    AwaitingProof,
    Submitted,
    Approved,
    Rejected,
}
