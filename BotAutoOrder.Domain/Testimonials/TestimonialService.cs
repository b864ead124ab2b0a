using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Testimonials;

/// <summary>
/// Ratings and short reviews after delivery (ADR-021): the buyer rates a product of a paid order 1–5, then sends a short
/// text or skips; the testimonial is then final, shown on the product card, and — when a testimony channel is set — posted
/// there once through the outbox. Staff hide and unhide them (audited).
/// </summary>
public sealed class TestimonialService(AppDbContext db, Outbox outbox, SettingsService settings, AuditLog audit, TimeProvider clock)
{
    public async Task<RateOutcome> RateAsync(long customerId, long orderId, long productId, int rating, CancellationToken ct)
    {
        if (rating is < 1 or > 5) return RateOutcome.NotAllowed;
        var allowed = await db.Orders.AnyAsync(o => o.Id == orderId && o.CustomerId == customerId && o.Status == OrderStatus.Paid
            && o.Lines.Any(l => l.ProductId == productId), ct);
        if (!allowed) return RateOutcome.NotAllowed;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Testimonials.FirstOrDefaultAsync(t => t.OrderId == orderId && t.ProductId == productId, ct);
        // Final once its text step ended (text sent, skipped, or the window passed): it may already be on the card and in
        // the channel with these stars. Refused before anything else changes, so the buyer's other review keeps waiting.
        if (existing is not null && (!existing.AwaitingText || existing.UpdatedAtUtc < now - TextLifetime)) return RateOutcome.NotAllowed;
        // Only one testimonial waits for a text at a time: the buyer's next message belongs to the latest rating.
        await db.Testimonials.Where(t => t.CustomerId == customerId && t.AwaitingText
            && !(t.OrderId == orderId && t.ProductId == productId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AwaitingText, false), ct);
        if (existing is not null) existing.Rate(rating, now);
        else db.Testimonials.Add(new Testimonial(orderId, productId, customerId, rating, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // two taps at once: the other one's rating stands
        }
        return RateOutcome.Rated;
    }

    /// <summary>
    /// How long after the rating the buyer's next plain message is taken as its text. Later, a message is a message (a
    /// search, a question) and never becomes a public review by surprise; like a warranty claim draft.
    /// </summary>
    public static readonly TimeSpan TextLifetime = TimeSpan.FromMinutes(30);

    /// <summary>True when the buyer has a rating waiting for its text (their next plain message is that text).</summary>
    public Task<bool> IsAwaitingTextAsync(long customerId, CancellationToken ct) => Waiting(customerId).AnyAsync(ct);

    private IQueryable<Testimonial> Waiting(long customerId)
    {
        var since = clock.GetUtcNow().UtcDateTime - TextLifetime;
        return db.Testimonials.Where(t => t.CustomerId == customerId && t.AwaitingText && t.UpdatedAtUtc >= since);
    }

    /// <summary>
    /// Ends the text step of the buyer's waiting testimonial with <paramref name="text"/> (null = skip) and posts it to the
    /// testimony channel. Null when nothing was waiting.
    /// </summary>
    public async Task<Testimonial?> FinishAsync(long customerId, string? text, CancellationToken ct)
    {
        var testimonial = await Waiting(customerId).OrderByDescending(t => t.UpdatedAtUtc).FirstOrDefaultAsync(ct);
        if (testimonial is null) return null;
        testimonial.FinishText(text, clock.GetUtcNow().UtcDateTime);
        var channel = (await settings.GetAsync(ct)).TestimonyChannelId;
        if (channel != 0 && !testimonial.IsHidden)
            outbox.ToChat(channel, OutboxKinds.TestimonialChannel, new TestimonialPayload(testimonial.Id), $"testimonial:{testimonial.Id}");
        await db.SaveChangesAsync(ct);
        return testimonial;
    }

    /// <summary>Hides (true) or shows a testimonial on the product card; false when it does not exist.</summary>
    public async Task<bool> SetHiddenAsync(long id, bool hidden, string actor, CancellationToken ct)
    {
        var testimonial = await db.Testimonials.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (testimonial is null) return false;
        if (testimonial.IsHidden == hidden) return true;
        testimonial.SetHidden(hidden, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, hidden ? AuditActions.TestimonialHidden : AuditActions.TestimonialShown, "Testimonial", id,
            new { testimonial.ProductId, testimonial.Rating });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
