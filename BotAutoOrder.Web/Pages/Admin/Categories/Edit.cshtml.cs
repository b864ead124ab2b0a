using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Categories;

/// <summary>Creates a category (no id) or edits one.</summary>
public sealed class EditModel(AppDbContext db, CategoryService categories) : AdminPageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public long? Id { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), StringLength(ProductRules.MaxCategoryNameLength, ErrorMessage = "At most {1} characters"),
            Display(Name = "Name")]
        public string Name { get; set; } = "";
        [Range(0, CategoryService.MaxSortOrder, ErrorMessage = "Between {1} and {2}"), Display(Name = "Sort order")]
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
        if (!ModelState.IsValid) return Page();
        var result = await categories.SaveAsync(id, new CategoryDraft(Input.Name, Input.SortOrder, Input.IsActive), Actor, Aborted);
        if (result.Outcome == SaveOutcome.NotFound) return NotFound();
        AddProblems(result.Problems);
        return result.Saved is { } category ? Done(T["Category {0} saved.", category.Name], page: "Index") : Page();
    }
}
