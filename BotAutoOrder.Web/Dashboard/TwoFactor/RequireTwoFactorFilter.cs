using BotAutoOrder.Domain.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BotAutoOrder.Web.Dashboard.TwoFactor;

/// <summary>
/// The owner setting "require two-factor sign-in for all staff": a signed-in user whose cookie says they have no
/// second factor is sent to enrolment from every dashboard page (enrolment itself and signing out stay reachable).
/// </summary>
public sealed class RequireTwoFactorFilter(SettingsService settings) : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Admin/Account/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && page.StartsWith("/Admin/", StringComparison.Ordinal) && page != EnrolmentPage
            && !user.HasTwoFactor() && (await settings.GetAsync(context.HttpContext.RequestAborted)).RequireTwoFactor)
        {
            context.Result = new RedirectToPageResult(EnrolmentPage);
            return;
        }
        await next();
    }
}
