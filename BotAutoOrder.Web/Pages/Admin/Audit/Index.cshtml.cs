using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first, filtered by actor, action (prefix), entity and store-time dates.</summary>
public sealed class IndexModel(AppDbContext db, StoreTime time) : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "actor")] public string? By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public PageOf<AuditEntry> Rows { get; private set; } = PageOf<AuditEntry>.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, string? after, string? before)
    {
        if (Keyset.From(page, after, before, timed: false,
            size: 50) is not { } keyset) return BadRequest(T["This page link is not valid."]);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(By)) query = query.Where(a => a.Actor == By.Trim());
        if (!string.IsNullOrWhiteSpace(Action)) query = query.Where(a => a.Action.StartsWith(Action.Trim()));
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.EntityType == Entity.Trim());
        if (!string.IsNullOrWhiteSpace(EntityId)) query = query.Where(a => a.EntityId == EntityId.Trim());
        if (From is { } from)
        {
            var fromUtc = time.StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = time.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < toUtc);
        }
        query = keyset.Seek(query, a => a.Id);
        Rows = await keyset.ApplyAsync(keyset.Backward ? query.OrderBy(a => a.Id) : query.OrderByDescending(a => a.Id),
            a => new PageCursor(null, a.Id), Aborted);
        return Page();
    }
}
