namespace BotAutoOrder.Domain.Terms;

/// <summary>A buyer's proof that the terms (SNK) of a product in an order were fulfilled. One per order and product.</summary>
public class TermsProof
{
    private TermsProof() { }

    public TermsProof(long orderId, long productId, long customerId, DateTime nowUtc)
    {
        OrderId = orderId;
        ProductId = productId;
        CustomerId = customerId;
        Status = TermsProofStatus.AwaitingProof;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long ProductId { get; private set; }
    public long CustomerId { get; private set; }
    public TermsProofStatus Status { get; private set; }
    public string? Text { get; private set; }
    /// <summary>Telegram <c>file_id</c> of the photo; fetched through the Bot API when shown.</summary>
    public string? PhotoFileId { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }

    public void Submit(string? text, string? photoFileId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(photoFileId))
            throw new ArgumentException("A proof needs text or a photo.");
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        PhotoFileId = photoFileId;
        Status = TermsProofStatus.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    public void Review(bool approved, string? note, string reviewer, DateTime nowUtc)
    {
        Status = approved ? TermsProofStatus.Approved : TermsProofStatus.Rejected;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedBy = reviewer;
        ReviewedAtUtc = nowUtc;
    }
}
