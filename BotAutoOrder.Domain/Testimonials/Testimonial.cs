namespace BotAutoOrder.Domain.Testimonials;

/// <summary>
/// A buyer's rating (1–5) and optional short text for a product of a delivered order; one per order and product.
/// Visible on the product card unless staff hid it.
/// </summary>
public class Testimonial
{
    public const int MaxTextLength = 500;

    private Testimonial() { }

    public Testimonial(long orderId, long productId, long customerId, int rating, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        OrderId = orderId;
        ProductId = productId;
        CustomerId = customerId;
        Rating = rating;
        AwaitingText = true;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long ProductId { get; private set; }
    public long CustomerId { get; private set; }
    public int Rating { get; private set; }
    public string? Text { get; private set; }
    /// <summary>True right after the rating: the buyer's next plain message is the text (or they skip).</summary>
    public bool AwaitingText { get; private set; }
    public bool IsHidden { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>A second tap on the stars while the text is awaited changes the rating (the text step stays as it was).</summary>
    public void Rate(int rating, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        Rating = rating;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Ends the text step, with the buyer's text (trimmed, cut to <see cref="MaxTextLength"/>) or none.</summary>
    public void FinishText(string? text, DateTime nowUtc)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Text = text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
        AwaitingText = false;
        UpdatedAtUtc = nowUtc;
    }

    public void SetHidden(bool hidden, DateTime nowUtc)
    {
        IsHidden = hidden;
        UpdatedAtUtc = nowUtc;
    }
}
