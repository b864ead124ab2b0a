using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Restock;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Products;

/// <summary>Creates a product (no id) or edits one. The code is fixed once created.</summary>
public sealed class EditModel(AppDbContext db, ProductAdminService products, UnlimitedStockService unlimited, RestockService restock)
    : AdminPageModel
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public long? Id { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    /// <summary>The unlimited content, masked; null when none is set.</summary>
    public string? UnlimitedMasked { get; private set; }
    /// <summary>Buyers who pressed "🔔 Kabari saya" and wait for stock.</summary>
    public int RestockWaiting { get; private set; }

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
        if (Input.IsUnlimited && string.IsNullOrWhiteSpace(Input.UnlimitedContent) && UnlimitedMasked is null)
            ModelState.AddModelError("Input.UnlimitedContent", T["An unlimited product needs its content."]);
        if (Input.UnlimitedContent?.Trim().Length > UnlimitedStockService.MaxContentLength)
            ModelState.AddModelError("Input.UnlimitedContent", T["At most {0} characters.", UnlimitedStockService.MaxContentLength]);
        var result = ModelState.IsValid
            ? await products.SaveAsync(id, Input.ToDraft(), Actor, Aborted)
            : await products.CheckAsync(id, Input.ToDraft(), Aborted); // show every problem at once, save nothing
        if (result.Outcome == SaveOutcome.NotFound) return NotFound();
        AddProblems(result.Problems);
        if (!ModelState.IsValid || result.Saved is not { } product)
        {
            if (id is not null) Input.Code = (await db.Products.FindAsync([id], Aborted))?.Code;
            // The goods themselves are never sent back in a page: a refused form asks for the content again.
            Input.UnlimitedContent = null;
            if (ModelState.TryGetValue("Input.UnlimitedContent", out var posted)) (posted.RawValue, posted.AttemptedValue) = (null, null);
            return Page();
        }
        // Unlimited content: sealed into the template stock item in its own transaction (audited there, never in plain).
        if (Input.IsUnlimited) await unlimited.EnableAsync(product.Id, Input.UnlimitedContent, Actor, Aborted);
        else await unlimited.DisableAsync(product.Id, Actor, Aborted);
        return Done(T["Product {0} saved.", product.Code], page: "Index");
    }

    private async Task LoadAsync(long? id)
    {
        Id = id;
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(Aborted);
        if (id is not { } productId) return;
        UnlimitedMasked = await unlimited.MaskedContentAsync(productId, Aborted);
        RestockWaiting = await restock.WaitingCountAsync(productId, Aborted);
    }
}
