using System.Text;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Products;

public sealed class IndexModel(AppDbContext db, ProductAdminService products, TimeProvider clock) : AdminPageModel
{
    public sealed record Row(long Id, string Code, string Name, string Category, long Price, bool IsActive, int Available,
        bool IsUnlimited = false);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? CategoryId { get; set; }
    public PageOf<Row> Rows { get; private set; } = PageOf<Row>.Empty;
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(Aborted);
        var query = db.Products.AsQueryable();
        if (CategoryId is { } categoryId) query = query.Where(p => p.CategoryId == categoryId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(p => p.Code.Contains(q.ToUpper()) || p.Name.ToLower().Contains(q.ToLower()));
        }
        Rows = await Paging.From(page).ApplyAsync(query.OrderBy(p => p.Code).Select(p => new Row(p.Id, p.Code, p.Name, p.Category!.Name,
            p.Price, p.IsActive, db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available), p.IsUnlimited)),
                Aborted);
    }

    /// <summary>The whole catalog as CSV (the format <c>import-catalog</c> and the import page read).</summary>
    public async Task<IActionResult> OnGetExportAsync([FromServices] CatalogCsvService csv)
    {
        var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true)) await csv.ExportAsync(writer,
            Aborted);
        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", $"catalog-{clock.GetUtcNow():yyyyMMdd}.csv");
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, bool confirmed)
    {
        if (!active && !confirmed) return NotConfirmed(new { Q, CategoryId });
        var product = await products.SetActiveAsync(id, active, Actor, Aborted);
        if (product is null) return NotFound();
        return Done(T[active ? "Product {0} activated." : "Product {0} deactivated.", product.Code], new { Q, CategoryId });
    }
}
