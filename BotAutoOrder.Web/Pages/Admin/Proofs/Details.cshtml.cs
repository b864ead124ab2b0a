using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Proofs;

/// <summary>One SNK proof: full text, the photo (served by <see cref="PhotoModel"/>), approve or reject with a note
/// (required to reject). The review, its audit entry and the buyer's message all come from <see cref="TermsService"/>.</summary>
public sealed class DetailsModel(AppDbContext db, TermsService terms) : AdminPageModel
{
    public sealed class ReviewInput
    {
        [StringLength(500, ErrorMessage = "At most {1} characters")] public string? Note { get; set; }
    }

    [BindProperty] public ReviewInput Input { get; set; } = new();
    public ProofRow Proof { get; private set; } = null!;

    /// <summary>A proof the buyer is (re)writing has nothing to review yet.</summary>
    public bool CanReview => Proof.Status != TermsProofStatus.AwaitingProof;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(long id) => ReviewAsync(id, approve: true);

    public Task<IActionResult> OnPostRejectAsync(long id) => ReviewAsync(id, approve: false);

    private async Task<IActionResult> ReviewAsync(long id, bool approve)
    {
        if (!approve && string.IsNullOrWhiteSpace(Input.Note)) ModelState.AddModelError("", T["A note is required to reject a proof."]);
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        if (!await db.TermsProofs.AnyAsync(p => p.Id == id, Aborted)) return NotFound();
        var reviewed = await terms.ReviewAsync(id, approve, Input.Note?.Trim(), Actor, Aborted);
        if (!reviewed) return Done(T["The buyer is sending a new proof; there is nothing to review yet."], new { id }, error: true);
        return Done(T[approve ? "Proof approved; the buyer is told." : "Proof rejected; the buyer is told."], new { id });
    }

    private async Task<bool> LoadAsync(long id)
    {
        var proof = await ProofRow.From(db.TermsProofs.Where(p => p.Id == id), db).FirstOrDefaultAsync(Aborted);
        if (proof is null) return false;
        Proof = proof;
        return true;
    }
}
