using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>The dashboard's category writes: create/edit (names unique), show/hide; each audited.</summary>
public sealed class CategoryService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    public const int MaxSortOrder = 100_000;

    /// <summary>Creates (no id) or edits a category; refused with problems (nothing saved) when a rule does not hold.</summary>
    public async Task<SaveResult<Category>> SaveAsync(long? id, CategoryDraft draft, string actor, CancellationToken ct)
    {
        var category = id is null ? null : await db.Categories.FindAsync([id], ct);
        if (id is not null && category is null) return SaveResult<Category>.NotFound;
        var name = draft.Name?.Trim() ?? "";
        var problems = new List<FieldProblem>();
        if (name.Length == 0) problems.Add(new(nameof(Category.Name), "Required"));
        else if (name.Length > ProductRules.MaxCategoryNameLength)
            problems.Add(new(nameof(Category.Name), "At most {1} characters", "", ProductRules.MaxCategoryNameLength));
        else if (await db.Categories.AnyAsync(c => c.Name == name && c.Id != (id ?? 0), ct))
            problems.Add(new(nameof(Category.Name), "This name is already used."));
        if (draft.SortOrder is < 0 or > MaxSortOrder)
            problems.Add(new(nameof(Category.SortOrder), "Between {1} and {2}", "", 0, MaxSortOrder));
        if (problems.Count > 0) return SaveResult<Category>.Refused(problems);

        if (category is null)
        {
            category = new Category(name, draft.SortOrder, clock.GetUtcNow().UtcDateTime);
            category.SetActive(draft.IsActive);
            db.Categories.Add(category);
        }
        else category.Update(name, draft.SortOrder, draft.IsActive);
        await save.SaveAsync(actor, id is null ? AuditActions.CategoryCreated : AuditActions.CategoryUpdated, "Category", () => category.Id,
            () => new { category.Name, category.SortOrder, category.IsActive }, ct);
        return SaveResult<Category>.Done(category);
    }

    /// <summary>Shows (true) or hides (false) a category; null when there is no such category.</summary>
    public async Task<Category?> SetActiveAsync(long id, bool active, string actor, CancellationToken ct)
    {
        var category = await db.Categories.FindAsync([id], ct);
        if (category is null) return null;
        category.SetActive(active);
        await save.SaveAsync(actor, active ? AuditActions.CategoryActivated : AuditActions.CategoryDeactivated, "Category", () => id,
            () => new { category.Name }, ct);
        return category;
    }
}
