using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>One line of an order list (home, orders, buyer detail).</summary>
public sealed record OrderRow(long Id, string InvoiceCode, long CustomerId, string Buyer, OrderStatus Status, long Total, DateTime CreatedAtUtc)
{
    /// <summary>Orders (filtered by the caller) with their buyer's name, newest first; page the result with Skip/Take.</summary>
    public static IQueryable<OrderRow> From(IQueryable<Order> orders, AppDbContext db) =>
        from o in orders
        join c in db.Customers on o.CustomerId equals c.Id
        orderby o.CreatedAtUtc descending, o.Id descending
        select new OrderRow(o.Id, o.InvoiceCode, o.CustomerId,
            c.Username != null ? c.FirstName + " (@" + c.Username + ")" : c.FirstName, o.Status, o.Total, o.CreatedAtUtc);
}
