using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Categories;

/// <summary>Creates a category (no id) or edits one.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, TimeProvider clock) : AdminPageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public long? Id { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), StringLength(ProductRules.MaxCategoryNameLength, ErrorMessage = "At most {1} characters"), Display(Name = "Name")]
        public string Name { get; set; } = "";
        [Range(0, 100_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Sort order")]
        public int SortOrder { get; set; }
        [Display(Name = "Active")] public bool IsActive { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        Id = id;
        if (id is null) return Page();
        var c = await db.Categories.FindAsync([id], Aborted);
        if (c is null) return NotFound();
        Input = new InputModel { Name = c.Name, SortOrder = c.SortOrder, IsActive = c.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        Id = id;
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Categories.AnyAsync(c => c.Name == name && c.Id != (id ?? 0), Aborted))
            ModelState.AddModelError("Input.Name", T["This name is already used."]);
        if (!ModelState.IsValid) return Page();

        var category = id is null ? null : await db.Categories.FindAsync([id], Aborted);
        if (id is not null && category is null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(Aborted);
        if (category is null)
        {
            category = new Category(name, Input.SortOrder, clock.GetUtcNow().UtcDateTime);
            category.SetActive(Input.IsActive);
            db.Categories.Add(category);
            await db.SaveChangesAsync(Aborted);
        }
        else category.Update(name, Input.SortOrder, Input.IsActive);
        audit.Record(Actor, id is null ? AuditActions.CategoryCreated : AuditActions.CategoryUpdated, "Category", category.Id,
            new { category.Name, category.SortOrder, category.IsActive });
        await db.SaveChangesAsync(Aborted);
        await tx.CommitAsync(Aborted);
        return Done(T["Category {0} saved.", category.Name], page: "Index");
    }
}
