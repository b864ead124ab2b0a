using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Account;

public sealed class PasswordModel(StaffService staff, UserStampCache stamps) : AdminPageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "New password")]
        [MinLength(StaffService.MinPasswordLength, ErrorMessage = "At least 8 characters")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Confirm password")]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await staff.ChangePasswordAsync(User.UserId()!.Value, Input.CurrentPassword, Input.NewPassword, Aborted);
        if (result.Outcome == StaffOutcome.InvalidCredentials)
        {
            ModelState.AddModelError("Input.CurrentPassword", T["The current password is wrong."]);
            return Page();
        }
        if (!result.Succeeded) return Page();
        stamps.Evict(result.User!.Id);
        // A fresh cookie with the new stamp keeps this browser signed in; older cookies stop working.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.Create(result.User, CookieAuthenticationDefaults.AuthenticationScheme));
        return Done(T["Password changed."]);
    }
}
