using BotAutoOrder.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>Shared bits of the dashboard pages: the post/redirect/get status message, the audit actor, the string table.</summary>
public abstract class AdminPageModel : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>True when <see cref="StatusMessage"/> reports a failure (shown in red).</summary>
    [TempData] public bool StatusIsError { get; set; }

    protected string Actor => User.Actor();

    protected UiText T => HttpContext.RequestServices.GetRequiredService<UiText>();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// The no-JavaScript confirmation of a destructive row action (deactivate): the form carries an "I am sure" checkbox
    /// named <c>confirmed</c>; a post without it is refused with this message and changes nothing.
    /// </summary>
    protected RedirectToPageResult NotConfirmed(object? routeValues = null) =>
        Done(T["Tick \"I am sure\" to confirm."], routeValues, error: true);

    /// <summary>Post/redirect/get: remembers the message and redirects to this page (or <paramref name="page"/>).</summary>
    protected RedirectToPageResult Done(string message, object? routeValues = null, string? page = null, bool error = false)
    {
        StatusMessage = message;
        StatusIsError = error;
        return page is null ? RedirectToPage(routeValues) : RedirectToPage(page, routeValues);
    }

    /// <summary>
    /// Shows a domain service's refusal next to the form's fields (<paramref name="prefix"/> + the problem's field), except
    /// on a field whose own form check already failed, so a field shows one message.
    /// </summary>
    protected void AddProblems(IEnumerable<FieldProblem> problems, string prefix = "Input.")
    {
        foreach (var problem in problems)
            if (ModelState.GetFieldValidationState(prefix + problem.Field) != ModelValidationState.Invalid)
                ModelState.AddModelError(prefix + problem.Field, T[problem.Message, problem.Args]);
    }
}
