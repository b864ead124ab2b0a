using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Payments;

/// <summary>Reconciliation items: money that needs a person's eyes (late, mismatched, unmatched). Resolving needs a note.</summary>
public sealed class IssuesModel(AppDbContext db, PaymentIssueService issues) : AdminPageModel
{
    public sealed class ResolveInput
    {
        [Required(ErrorMessage = "Required"), StringLength(500, ErrorMessage = "At most {1} characters"), Display(Name = "Note")]
        public string? Note { get; set; }
    }

    [BindProperty] public ResolveInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Resolved { get; set; }
    public PageOf<PaymentIssue> Issues { get; private set; } = PageOf<PaymentIssue>.Empty;
    /// <summary>The item whose resolve form failed validation.</summary>
    public long? FailedId { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) => await LoadAsync(page);

    public async Task<IActionResult> OnPostResolveAsync(long issueId)
    {
        if (!ModelState.IsValid)
        {
            FailedId = issueId;
            await LoadAsync(null);
            return Page();
        }
        return await issues.ResolveAsync(issueId, Input.Note!, Actor, Aborted) switch
        {
            PaymentIssueOutcome.NotFound => NotFound(),
            PaymentIssueOutcome.AlreadyResolved => Done(T["This item was already resolved."], error: true),
            _ => Done(T["Item resolved."]),
        };
    }

    /// <summary>How many items wait for a person (the home page's badge).</summary>
    public static Task<int> OpenCountAsync(AppDbContext db, CancellationToken ct) =>
        db.PaymentIssues.CountAsync(i => i.ResolvedAtUtc == null, ct);

    private async Task LoadAsync(int? page)
    {
        var query = db.PaymentIssues.AsNoTracking().Where(i => Resolved ? i.ResolvedAtUtc != null : i.ResolvedAtUtc == null)
            .OrderByDescending(i => i.Id);
        Issues = await Paging.From(page).ApplyAsync(query, Aborted);
    }
}
