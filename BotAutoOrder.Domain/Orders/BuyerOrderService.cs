using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// A buyer's own orders as the bot shows them ("Pesanan Saya"): the paged list, one order, and "resend my items". Every
/// lookup is limited to the buyer's orders, because a button can carry any id.
/// </summary>
public sealed class BuyerOrderService(AppDbContext db, Outbox outbox)
{
    /// <summary>One page of the buyer's orders, newest first (a page past the end shows the last one).</summary>
    public async Task<Page<Order>> PageAsync(long customerId, int pageIndex, int pageSize, CancellationToken ct)
    {
        var mine = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        var total = await mine.CountAsync(ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / pageSize));
        var orders = await mine.OrderByDescending(o => o.CreatedAtUtc).ThenByDescending(o => o.Id)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Order>(orders, pageIndex, pageSize, total);
    }

    /// <summary>The buyer's order without its lines, or null.</summary>
    public Task<Order?> FindAsync(long customerId, long orderId, CancellationToken ct) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, ct);

    /// <summary>The buyer's order with its lines, or null.</summary>
    public Task<Order?> DetailAsync(long customerId, long orderId, CancellationToken ct) =>
        db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, ct);

    /// <summary>Queues the delivery of a paid order of this buyer again, to the chat that asked.</summary>
    /// <returns>False when it is not a paid order of this buyer (nothing queued).</returns>
    public async Task<bool> ResendAsync(long customerId, long orderId, long chatId, CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == orderId && o.CustomerId == customerId && o.Status == OrderStatus.Paid, ct)) return false;
        outbox.ToChat(chatId, OutboxKinds.OrderDelivery, new OrderPayload(orderId, "resend"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
