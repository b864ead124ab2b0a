using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Categories;

public sealed class IndexModel(AppDbContext db, CategoryService categories) : AdminPageModel
{
    public sealed record Row(long Id, string Name, int SortOrder, bool IsActive, int Products);

    public PageOf<Row> Rows { get; private set; } = PageOf<Row>.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Rows = await Paging.From(page).ApplyAsync(db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.SortOrder, c.IsActive, db.Products.Count(p => p.CategoryId == c.Id))), Aborted);

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, bool confirmed)
    {
        if (!active && !confirmed) return NotConfirmed();
        var category = await categories.SetActiveAsync(id, active, Actor, Aborted);
        if (category is null) return NotFound();
        return Done(T[active ? "Category {0} activated." : "Category {0} deactivated.", category.Name]);
    }
}
