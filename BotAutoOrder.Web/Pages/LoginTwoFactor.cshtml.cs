using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Dashboard.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Pages;

/// <summary>The second sign-in step: a code from the authenticator app, or a recovery code (spent on use).</summary>
public sealed class LoginTwoFactorModel(TwoFactorService twoFactor, UserStampCache stamps, UiText T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), StringLength(20), Display(Name = "Code")]
        public string Code { get; set; } = "";

        [Display(Name = "Remember this device for 30 days")]
        public bool RememberDevice { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await TwoFactorCookies.PendingUserIdAsync(HttpContext) is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = await TwoFactorCookies.PendingUserIdAsync(HttpContext);
        if (userId is null) return RedirectToPage("/Login");
        if (!ModelState.IsValid) return Page();
        var (outcome, user) = await twoFactor.VerifyAsync(userId.Value, Input.Code, Input.RememberDevice, HttpContext.RequestAborted);
        if (outcome != SecondFactorOutcome.Succeeded)
        {
            ModelState.AddModelError("", outcome == SecondFactorOutcome.LockedOut
                ? T["Too many failed attempts. The account is locked for 15 minutes."]
                : T["Wrong or already used code."]);
            return Page();
        }
        stamps.Evict(user!.Id);
        await TwoFactorCookies.SignInAsync(HttpContext, user);
        if (Input.RememberDevice) TwoFactorCookies.RememberDevice(HttpContext, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }
}
