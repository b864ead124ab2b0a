using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Restock;

/// <summary>
/// "🔔 Kabari saya": buyers subscribe to a sold-out product; when stock is added (dashboard, CLI, CSV upload — all through
/// <see cref="StockImportService"/>) or the product turns unlimited, each is told once through the outbox's bulk lane and
/// the subscription ends in the same transaction (ADR-021).
/// </summary>
public sealed class RestockService(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    /// <summary>Subscribes the buyer; true when subscribed now or already, false when the product is gone or inactive.</summary>
    public async Task<bool> SubscribeAsync(long productId, long customerId, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.IsActive, ct)) return false;
        if (await db.RestockSubscriptions.AnyAsync(s => s.ProductId == productId && s.CustomerId == customerId, ct)) return true;
        db.RestockSubscriptions.Add(new RestockSubscription(productId, customerId, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // the same buyer pressed twice at once: one row is what we want
        }
        return true;
    }

    /// <summary>How many buyers wait for the product (the dashboard's product page).</summary>
    public Task<int> WaitingCountAsync(long productId, CancellationToken ct) =>
        db.RestockSubscriptions.CountAsync(s => s.ProductId == productId, ct);

    /// <summary>
    /// Queues one alert per subscriber and removes the subscriptions, both in the caller's next SaveChanges (one unit of
    /// work with the stock that was added). A subscription removed by a concurrent import fails that SaveChanges, and the
    /// unique deduplication key of each alert means a buyer is never told twice for one subscription.
    /// </summary>
    public async Task<int> QueueAlertsAsync(long productId, CancellationToken ct)
    {
        var waiting = await db.RestockSubscriptions.Where(s => s.ProductId == productId)
            .Join(db.Customers, s => s.CustomerId, c => c.Id, (s, c) => new { Subscription = s, c.TelegramUserId, c.IsBlocked })
            .ToListAsync(ct);
        foreach (var w in waiting)
        {
            if (!w.IsBlocked)
                outbox.ToChat(w.TelegramUserId, OutboxKinds.RestockAlert, new RestockPayload(productId), $"restock:{w.Subscription.Id}");
            db.RestockSubscriptions.Remove(w.Subscription);
        }
        return waiting.Count;
    }
}
