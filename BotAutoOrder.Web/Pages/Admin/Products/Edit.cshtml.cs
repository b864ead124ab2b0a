using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Products;

/// <summary>Creates a product (no id) or edits one. The code is fixed once created.</summary>
public sealed class EditModel(AppDbContext db, ProductAdminService products) : AdminPageModel
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public long? Id { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        await LoadAsync(id);
        if (id is null) return Page();
        var p = await db.Products.FindAsync([id], Aborted);
        if (p is null) return NotFound();
        Input = ProductInput.From(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        await LoadAsync(id);
        var result = ModelState.IsValid
            ? await products.SaveAsync(id, Input.ToDraft(), Actor, Aborted)
            : await products.CheckAsync(id, Input.ToDraft(), Aborted); // show every problem at once, save nothing
        if (result.Outcome == SaveOutcome.NotFound) return NotFound();
        AddProblems(result.Problems);
        if (!ModelState.IsValid || result.Saved is not { } product)
        {
            if (id is not null) Input.Code = (await db.Products.FindAsync([id], Aborted))?.Code;
            return Page();
        }
        return Done(T["Product {0} saved.", product.Code], page: "Index");
    }

    private async Task LoadAsync(long? id)
    {
        Id = id;
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(Aborted);
    }
}
