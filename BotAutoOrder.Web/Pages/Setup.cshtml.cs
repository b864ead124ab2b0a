using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Pages;

/// <summary>The first-run page: exists only while no dashboard user exists (404 afterwards).</summary>
public sealed class SetupModel(StaffService staff, UiText T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), EmailAddress(ErrorMessage = "Not a valid email address"), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Password")]
        [MinLength(StaffService.MinPasswordLength, ErrorMessage = "At least 8 characters")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Confirm password")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await staff.AnyUserAsync(HttpContext.RequestAborted) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await staff.AnyUserAsync(HttpContext.RequestAborted)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await staff.CreateAsync(Input.Email, Input.Password, StaffRole.Owner, AuditLog.Admin(Input.Email.Trim().ToLowerInvariant()), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", T["The account could not be created."]);
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.Create(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect("/admin");
    }
}
