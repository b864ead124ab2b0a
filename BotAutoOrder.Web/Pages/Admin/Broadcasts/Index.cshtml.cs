using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Broadcasts;

/// <summary>Broadcast history, newest first, paged, with each one's counts.</summary>
public sealed class IndexModel(AppDbContext db) : AdminPageModel
{
    public sealed record Row(long Id, DateTime CreatedAtUtc, string CreatedBy, BroadcastAudience Audience, BroadcastStatus Status,
        int Total, string Text, bool HasPhoto);

    public PageOf<Row> Rows { get; private set; } = PageOf<Row>.Empty;
    public IReadOnlyDictionary<(long, BroadcastRecipientStatus),
        int> Counts { get; private set; } = new Dictionary<(long, BroadcastRecipientStatus), int>();

    public int Count(long id, BroadcastRecipientStatus status) => Counts.GetValueOrDefault((id, status));

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var query = db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Select(b =>
            new Row(b.Id, b.CreatedAtUtc, b.CreatedBy, b.Audience,
            b.Status, b.TotalRecipients, b.HtmlText.Substring(0, 80), b.PhotoFileName != null));
        Rows = await Paging.From(page).ApplyAsync(query, Aborted);
        var ids = Rows.Items.Select(r => r.Id).ToList();
        var counts = await db.BroadcastRecipients.Where(r => ids.Contains(r.BroadcastId)).GroupBy(r => new { r.BroadcastId, r.Status })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() }).ToListAsync(Aborted);
        Counts = counts.ToDictionary(c => (c.BroadcastId, c.Status), c => c.Count);
    }
}
