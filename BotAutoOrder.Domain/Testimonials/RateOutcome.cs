namespace BotAutoOrder.Domain.Testimonials;

public enum RateOutcome
{
    /// <summary>Rated now; the buyer may add a text next.</summary>
    Rated,
    /// <summary>
    /// The order is not this buyer's, not paid, or does not hold the product (a stale or forged button); or the testimonial is
    /// final (its text step ended).
    /// </summary>
    NotAllowed,
}
