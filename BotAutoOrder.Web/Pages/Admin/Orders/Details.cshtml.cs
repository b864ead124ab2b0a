using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Orders;

/// <summary>One order: lines, payments with gateway data, delivered items (masked; reveal is audited), timeline.</summary>
public sealed class DetailsModel(AppDbContext db, AuditLog audit) : AdminPageModel
{
    public sealed record Delivered(long Id, string ProductName, string Masked, DateTime? SoldAtUtc);

    public Order Order { get; private set; } = null!;
    public Customer? Buyer { get; private set; }
    public IReadOnlyList<Payment> Payments { get; private set; } = [];
    public IReadOnlyList<Delivered> Items { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];
    public (long Id, string Content)? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows one delivered item in full, once, and writes who looked at it to the audit log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, long itemId)
    {
        var content = await db.StockItems.Where(s => s.Id == itemId && s.OrderId == id && s.Status == StockItemStatus.Sold)
            .Select(s => s.Content).FirstOrDefaultAsync(Aborted);
        if (content is null) return NotFound();
        audit.Record(Actor, "stock.revealed", "Order", id, new { itemId });
        await db.SaveChangesAsync(Aborted);
        Revealed = (itemId, content);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, Aborted);
        if (order is null) return false;
        Order = order;
        Buyer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == order.CustomerId, Aborted);
        Payments = await db.Payments.AsNoTracking().Where(p => p.OrderId == id).OrderBy(p => p.Id).ToListAsync(Aborted);
        var items = await (from s in db.StockItems
                           join p in db.Products on s.ProductId equals p.Id
                           where s.OrderId == id && s.Status == StockItemStatus.Sold
                           orderby s.Id
                           select new { s.Id, p.Name, s.Content, s.SoldAtUtc }).ToListAsync(Aborted);
        Items = items.Select(i => new Delivered(i.Id, i.Name, StockItem.Mask(i.Content), i.SoldAtUtc)).ToList();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Timeline = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Order" && a.EntityId == key)
            .OrderBy(a => a.Id).Take(200).ToListAsync(Aborted);
        return true;
    }
}
