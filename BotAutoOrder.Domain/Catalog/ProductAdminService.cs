using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>The dashboard's product writes: create/edit under <see cref="ProductRules"/>, show/hide; each audited.</summary>
public sealed class ProductAdminService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    /// <summary>The problems <see cref="SaveAsync"/> would refuse with, without saving (for a form that is already invalid).</summary>
    public async Task<SaveResult<Product>> CheckAsync(long? id, ProductDraft draft, CancellationToken ct)
    {
        var product = id is null ? null : await db.Products.FindAsync([id], ct);
        if (id is not null && product is null) return SaveResult<Product>.NotFound;
        var code = product?.Code ?? draft.Code;
        var problems = ProductRules.Check(code, draft.Name, null, draft.Price ?? 0, draft.PerOrderLimit, draft.LowStockThreshold,
            draft.Description, draft.TermsText).Select(p => new FieldProblem(p.Field, p.Message)).ToList();
        if (product is null && !string.IsNullOrWhiteSpace(code) && await db.Products.AnyAsync(p => p.Code == code.Trim().ToUpper(), ct))
            problems.Add(new FieldProblem(nameof(Product.Code), "This code is already used."));
        if (draft.CategoryId is not { } categoryId || !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            problems.Add(new FieldProblem(nameof(Product.CategoryId), "Choose a category"));
        return problems.Count > 0 ? SaveResult<Product>.Refused(problems) : SaveResult<Product>.Done(product ?? NewProduct(draft));
    }

    /// <summary>Creates (no id) or edits a product; refused with problems (nothing saved) when a rule does not hold.</summary>
    public async Task<SaveResult<Product>> SaveAsync(long? id, ProductDraft draft, string actor, CancellationToken ct)
    {
        var check = await CheckAsync(id, draft, ct);
        if (check.Saved is not { } product) return check;
        var now = clock.GetUtcNow().UtcDateTime;
        if (id is null) db.Products.Add(product);
        product.Update(draft.Name!, draft.CategoryId!.Value, draft.Price!.Value, draft.Description, draft.PerOrderLimit,
            draft.TermsText, draft.LowStockThreshold, draft.IsActive, now);
        if (draft.WarrantyDays is { } warrantyDays) product.SetWarranty(warrantyDays, now);
        await save.SaveAsync(actor, id is null ? AuditActions.ProductCreated : AuditActions.ProductUpdated, "Product", () => product.Id,
            () => new { product.Code, product.Name, product.Price, product.CategoryId, product.PerOrderLimit, product.LowStockThreshold,
                product.IsActive,
                product.WarrantyDays },
            ct);
        return check;
    }

    /// <summary>Shows (true) or hides (false) a product; null when there is no such product.</summary>
    public async Task<Product?> SetActiveAsync(long id, bool active, string actor, CancellationToken ct)
    {
        var product = await db.Products.FindAsync([id], ct);
        if (product is null) return null;
        product.SetActive(active, clock.GetUtcNow().UtcDateTime);
        await save.SaveAsync(actor, active ? AuditActions.ProductActivated : AuditActions.ProductDeactivated, "Product", () => id,
            () => new { product.Code }, ct);
        return product;
    }

    private Product NewProduct(ProductDraft draft) =>
        new(draft.Code!, draft.Name!, draft.CategoryId!.Value, draft.Price!.Value, clock.GetUtcNow().UtcDateTime);
}
