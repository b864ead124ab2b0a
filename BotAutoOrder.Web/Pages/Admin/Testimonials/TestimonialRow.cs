namespace BotAutoOrder.Web.Pages.Admin.Testimonials;

/// <summary>One testimonial as the dashboard lists it (buyer and product names resolved).</summary>
public sealed record TestimonialRow(long Id, long OrderId, long CustomerId, string Buyer, string Product, int Rating, string? Text,
    bool IsHidden, bool AwaitingText, DateTime CreatedAtUtc);
