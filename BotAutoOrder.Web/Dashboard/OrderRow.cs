using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>One line of an order list (home, orders, buyer detail).</summary>
public sealed record OrderRow(long Id, string InvoiceCode, long CustomerId, string Buyer, OrderStatus Status, long Total,
    DateTime CreatedAtUtc)
{
    /// <summary>
    /// Orders (filtered by the caller) with their buyer's name, newest first (oldest first for a keyset page read
    /// backwards, see <see cref="Keyset"/>); page the result with Skip/Take or <see cref="Keyset"/>.
    /// </summary>
    public static IQueryable<OrderRow> From(IQueryable<Order> orders, AppDbContext db, bool oldestFirst = false)
    {
        var sorted = oldestFirst
            ? orders.OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.Id)
            : orders.OrderByDescending(o => o.CreatedAtUtc).ThenByDescending(o => o.Id);
        return sorted.Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new OrderRow(o.Id, o.InvoiceCode, o.CustomerId,
            c.Username != null ? c.FirstName + " (@" + c.Username + ")" : c.FirstName, o.Status, o.Total, o.CreatedAtUtc));
    }

    /// <summary>The row's key in the newest-first order, for keyset links.</summary>
    public PageCursor Cursor => new(CreatedAtUtc, Id);
}
