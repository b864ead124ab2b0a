using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Users;

/// <summary>Owner only: add dashboard users, change their role, deactivate them.</summary>
public sealed class IndexModel(AppDbContext db, StaffService staff, UserStampCache stamps) : AdminPageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<DashboardUser> Users { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), EmailAddress(ErrorMessage = "Not a valid email address"), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Password")]
        [MinLength(StaffService.MinPasswordLength, ErrorMessage = "At least 8 characters")]
        public string Password { get; set; } = "";

        [Display(Name = "Role")] public StaffRole Role { get; set; } = StaffRole.Admin;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await staff.CreateAsync(Input.Email, Input.Password, Input.Role, Actor, Aborted);
            if (result.Succeeded) return Done(T["User {0} added.", result.User!.Email]);
            ModelState.AddModelError("Input.Email", T["This email is already used."]);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, StaffRole role, bool isActive, bool confirmed)
    {
        var current = await db.DashboardUsers.AsNoTracking().Where(u => u.Id == id).Select(u =>
            new { u.IsActive, u.Role }).FirstOrDefaultAsync(Aborted);
        if (current is null) return NotFound();
        var takesAway = (current.IsActive && !isActive) || (current.Role == StaffRole.Owner && role != StaffRole.Owner);
        if (takesAway && !confirmed) return NotConfirmed();
        var result = await staff.UpdateAsync(id, role, isActive, Actor, Aborted);
        stamps.Evict(id);
        return result.Outcome switch
        {
            StaffOutcome.Succeeded => Done(T["User {0} saved.", result.User!.Email]),
            StaffOutcome.LastOwner => Done(T["The shop needs at least one active owner."], error: true),
            _ => NotFound(),
        };
    }

    private async Task LoadAsync() => Users = await db.DashboardUsers.AsNoTracking().OrderBy(u => u.Email).ToListAsync(Aborted);
}
