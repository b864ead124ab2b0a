using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Testimonials;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Testimonials;

/// <summary>Buyers' testimonials, newest first, paged; staff hide or show them on the product card (audited).</summary>
public sealed class IndexModel(AppDbContext db, TestimonialService testimonials) : AdminPageModel
{
    /// <summary>"hidden", "visible" or absent (all).</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public PageOf<TestimonialRow> Rows { get; private set; } = PageOf<TestimonialRow>.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var query = db.Testimonials.AsQueryable();
        if (Show == "hidden") query = query.Where(t => t.IsHidden);
        else if (Show == "visible") query = query.Where(t => !t.IsHidden);
        Rows = await Paging.From(page).ApplyAsync(query.OrderByDescending(t => t.Id).Select(t => new TestimonialRow(
            t.Id, t.OrderId, t.CustomerId,
            db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.FirstName).First(),
            db.Products.Where(p => p.Id == t.ProductId).Select(p => p.Name).First(),
            t.Rating, t.Text, t.IsHidden, t.AwaitingText, t.CreatedAtUtc)), Aborted);
    }

    public async Task<IActionResult> OnPostHideAsync(long id, bool hidden)
    {
        if (!await testimonials.SetHiddenAsync(id, hidden, Actor, Aborted)) return Done(T["Testimonial not found."], new { Show },
            error: true);
        return Done(hidden ? T["Testimonial #{0} hidden.", id] : T["Testimonial #{0} shown.", id], new { Show });
    }
}
