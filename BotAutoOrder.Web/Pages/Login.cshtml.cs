using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Dashboard.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Pages;

public sealed class LoginModel(StaffService staff, UserStampCache stamps, UiText T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), EmailAddress(ErrorMessage = "Not a valid email address"), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Required"), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await staff.AnyUserAsync(HttpContext.RequestAborted) ? Page() : RedirectToPage("/Setup");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await staff.SignInAsync(Input.Email, Input.Password, HttpContext.RequestAborted);
        if (result.Outcome == StaffOutcome.TwoFactorRequired) return await SecondStepAsync(result.User!);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Outcome == StaffOutcome.LockedOut
                ? T["Too many failed attempts. The account is locked for 15 minutes."]
                : T["Wrong email or password."]);
            return Page();
        }
        stamps.Evict(result.User!.Id);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.Create(result.User, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }

    /// <summary>Password right and two-factor on: a remembered device signs in; otherwise on to the code page.</summary>
    private async Task<IActionResult> SecondStepAsync(DashboardUser user)
    {
        if (TwoFactorCookies.IsRemembered(HttpContext, user)
            && await HttpContext.RequestServices.GetRequiredService<TwoFactorService>().SignInRememberedAsync(user.Id,
                HttpContext.RequestAborted) is { } signedIn)
        {
            stamps.Evict(signedIn.Id);
            await TwoFactorCookies.SignInAsync(HttpContext, signedIn);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        await HttpContext.SignInAsync(TwoFactorCookies.Scheme, TwoFactorCookies.Pending(user));
        return RedirectToPage("/LoginTwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }
}
