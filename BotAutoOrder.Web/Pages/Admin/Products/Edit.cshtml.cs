using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Restock;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Products;

/// <summary>Creates a product (no id) or edits one. The code is fixed once created.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, UnlimitedStockService unlimited, RestockService restock, TimeProvider clock) : AdminPageModel
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
        var product = id is null ? null : await db.Products.FindAsync([id], Aborted);
        if (id is not null && product is null) return NotFound();
        if (product is not null) Input.Code = product.Code;
        foreach (var problem in ProductRules.Check(Input.Code, Input.Name, null, Input.Price ?? 0, Input.PerOrderLimit,
                     Input.LowStockThreshold, Input.Description, Input.TermsText))
            if (ModelState.GetFieldValidationState("Input." + problem.Field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError("Input." + problem.Field, T[problem.Message]);
        if (product is null && !string.IsNullOrWhiteSpace(Input.Code)
            && await db.Products.AnyAsync(p => p.Code == Input.Code.Trim().ToUpper(), Aborted))
            ModelState.AddModelError("Input.Code", T["This code is already used."]);
        if (!Categories.Any(c => c.Id == Input.CategoryId)) ModelState.AddModelError("Input.CategoryId", T["Choose a category"]);
        if (Input.IsUnlimited && string.IsNullOrWhiteSpace(Input.UnlimitedContent) && UnlimitedMasked is null)
            ModelState.AddModelError("Input.UnlimitedContent", T["An unlimited product needs its content."]);
        if (Input.UnlimitedContent?.Trim().Length > UnlimitedStockService.MaxContentLength)
            ModelState.AddModelError("Input.UnlimitedContent", T["At most {0} characters.", UnlimitedStockService.MaxContentLength]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(Aborted);
        if (product is null)
        {
            product = new Product(Input.Code!, Input.Name!, Input.CategoryId!.Value, Input.Price!.Value, now);
            db.Products.Add(product);
        }
        product.Update(Input.Name!, Input.CategoryId!.Value, Input.Price!.Value, Input.Description, Input.PerOrderLimit,
            Input.TermsText, Input.LowStockThreshold, Input.IsActive, now);
        await db.SaveChangesAsync(Aborted);
        audit.Record(Actor, id is null ? "product.created" : "product.updated", "Product", product.Id,
            new { product.Code, product.Name, product.Price, product.CategoryId, product.PerOrderLimit, product.LowStockThreshold, product.IsActive });
        await db.SaveChangesAsync(Aborted);
        await tx.CommitAsync(Aborted);
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
