using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Proofs;

/// <summary>SNK proofs, newest first, paged; by default the ones waiting for a review (Submitted).</summary>
public sealed class IndexModel(AppDbContext db) : AdminPageModel
{
    public const string AllStatuses = "All";

    /// <summary>A <see cref="TermsProofStatus"/> name, or <see cref="AllStatuses"/>; absent means Submitted.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public TermsProofStatus? Filter { get; private set; }
    public PageOf<ProofRow> Rows { get; private set; } = PageOf<ProofRow>.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        Filter = string.IsNullOrEmpty(Status) ? TermsProofStatus.Submitted
            : Enum.TryParse<TermsProofStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var query = db.TermsProofs.AsQueryable();
        if (Filter is { } status) query = query.Where(p => p.Status == status);
        Rows = await Paging.From(page).ApplyAsync(ProofRow.From(query, db), Aborted);
    }
}
