using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Buyers;

/// <summary>Buyers, newest first; search by Telegram id (exact), @username (exact) or name (contains).</summary>
public sealed class IndexModel(AppDbContext db) : AdminPageModel
{
    public sealed record Row(long Id, long TelegramUserId, string Name, string? Username, long Balance, bool IsBlocked,
        DateTime CreatedAtUtc);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public PageOf<Row> Rows { get; private set; } = PageOf<Row>.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, string? after, string? before)
    {
        if (Keyset.From(page, after, before, timed: true) is not { } keyset) return BadRequest(T["This page link is not valid."]);
        var query = db.Customers.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            if (long.TryParse(q, out var telegramId)) query = query.Where(c => c.TelegramUserId == telegramId);
            else if (q.StartsWith('@')) query = query.Where(c => c.Username == q.Substring(1));
            else query = BuyerSearch.NameContains(query, q);
        }
        query = keyset.Seek(query, c => c.CreatedAtUtc, c => c.Id);
        var sorted = keyset.Backward ? query.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id);
        Rows = await keyset.ApplyAsync(sorted.Select(c =>
            new Row(c.Id, c.TelegramUserId, c.LastName == null ? c.FirstName : c.FirstName + " " + c.LastName,
                c.Username, c.Balance, c.IsBlocked, c.CreatedAtUtc)), r => new PageCursor(r.CreatedAtUtc, r.Id), Aborted);
        return Page();
    }
}
