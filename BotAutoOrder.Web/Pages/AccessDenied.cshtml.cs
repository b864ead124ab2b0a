using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Pages;

/// <summary>Where a signed-in admin lands on an owner-only page; answered with 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
