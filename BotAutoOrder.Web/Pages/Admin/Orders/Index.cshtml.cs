using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Orders;

/// <summary>Orders with filters (status, store-time dates, buyer, invoice), newest first, paged by keyset (<see cref="Keyset"/>).</summary>
public sealed class IndexModel(AppDbContext db, StoreTime time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>A Telegram user id or a @username.</summary>
    [BindProperty(SupportsGet = true)] public string? Buyer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Invoice { get; set; }
    public PageOf<OrderRow> Rows { get; private set; } = PageOf<OrderRow>.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, string? after, string? before)
    {
        if (Keyset.From(page, after, before, timed: true) is not { } keyset) return BadRequest(T["This page link is not valid."]);
        var query = db.Orders.AsQueryable();
        if (Status is { } status) query = query.Where(o => o.Status == status);
        if (From is { } from)
        {
            var fromUtc = time.StartOfDayUtc(from);
            query = query.Where(o => o.CreatedAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = time.StartOfDayUtc(to.AddDays(1));
            query = query.Where(o => o.CreatedAtUtc < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(Invoice))
        {
            var invoice = Invoice.Trim().ToUpperInvariant();
            query = query.Where(o => o.InvoiceCode.StartsWith(invoice));
        }
        if (!string.IsNullOrWhiteSpace(Buyer))
        {
            var text = Buyer.Trim().TrimStart('@');
            var telegramId = long.TryParse(text, out var n) ? n : (long?)null;
            query = query.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && (c.TelegramUserId == telegramId || c.Username == text)));
        }
        query = keyset.Seek(query, o => o.CreatedAtUtc, o => o.Id);
        Rows = await keyset.ApplyAsync(OrderRow.From(query, db, oldestFirst: keyset.Backward), r => r.Cursor, Aborted);
        return Page();
    }
}
