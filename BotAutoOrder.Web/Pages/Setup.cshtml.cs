using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Pages;

/// <summary>
/// The first-run page: exists only while no dashboard user exists (404 afterwards), and asks for the one-time setup
/// code from the log, so a stranger who finds a fresh shop cannot make himself its owner.
/// </summary>
public sealed class SetupModel(StaffService staff, SetupCode setupCode, UiText T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), Display(Name = "Setup code")]
        public string SetupCode { get; set; } = "";

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
        if (!setupCode.Matches(Input.SetupCode))
        {
            ModelState.AddModelError("",
                T["Wrong setup code. It is printed in the app's log at start (\"open /setup and enter the setup code\")."]);
            return Page();
        }
        var result = await staff.CreateFirstOwnerAsync(Input.Email, Input.Password, AuditLog.Admin(Input.Email.Trim().ToLowerInvariant()),
            HttpContext.RequestAborted);
        if (result.Outcome == StaffOutcome.SetupDone) return NotFound();
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
