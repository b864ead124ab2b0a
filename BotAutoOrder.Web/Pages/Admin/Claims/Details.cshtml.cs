using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Claims;

/// <summary>
/// One warranty claim: the item (masked, like the order's delivered items), the reason and screenshot, the buyer's
/// history, and the decisions — replace, refund to balance, reject — each confirmed by a checkbox and carried out by
/// <see cref="ClaimResolutionService"/> (which audits it and tells the buyer).
/// </summary>
public sealed class DetailsModel(AppDbContext db, ClaimResolutionService resolutions, StockCipher cipher) : AdminPageModel
{
    public sealed class ActionInput
    {
        [StringLength(WarrantyClaim.MaxNoteLength, ErrorMessage = "At most {1} characters")] public string? Note { get; set; }
        public bool Confirmed { get; set; }
    }

    public sealed record HistoryClaim(long Id, WarrantyClaimStatus Status, string Product, DateTime? SubmittedAtUtc);

    [BindProperty] public ActionInput Input { get; set; } = new();
    public ClaimRow Claim { get; private set; } = null!;
    public string ItemMasked { get; private set; } = "";
    public string? ReplacementMasked { get; private set; }
    public int Available { get; private set; }
    public long ItemShare { get; private set; }
    public OrderStatus OrderStatus { get; private set; }
    public int BuyerOrders { get; private set; }
    public long BuyerSpent { get; private set; }
    public IReadOnlyList<HistoryClaim> BuyerClaims { get; private set; } = [];
    /// <summary>The action whose form failed validation (its errors are shown next to it).</summary>
    public string? FailedAction { get; private set; }

    public bool IsOpen => Claim.Status == WarrantyClaimStatus.Open;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplaceAsync(long id)
    {
        if (!Validate("Replace", noteRequired: false)) return await LoadAsync(id) ? Page() : NotFound();
        var result = await resolutions.ReplaceAsync(id, Actor, Aborted);
        return Answer(id, result, T["Replaced: a fresh item is on its way to the buyer."]);
    }

    public async Task<IActionResult> OnPostRefundAsync(long id)
    {
        if (!Validate("Refund", noteRequired: false)) return await LoadAsync(id) ? Page() : NotFound();
        var result = await resolutions.RefundAsync(id, Input.Note, Actor, Aborted);
        return Answer(id, result, T["Refunded to the buyer's balance; the buyer is told."]);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id)
    {
        if (!Validate("Reject", noteRequired: true)) return await LoadAsync(id) ? Page() : NotFound();
        var result = await resolutions.RejectAsync(id, Input.Note!, Actor, Aborted);
        return Answer(id, result, T["Claim rejected; the buyer is told."]);
    }

    private bool Validate(string action, bool noteRequired)
    {
        if (noteRequired && string.IsNullOrWhiteSpace(Input.Note)) ModelState.AddModelError("", T["A note is required to reject a claim."]);
        if (!Input.Confirmed) ModelState.AddModelError("", T["Tick \"I am sure\" to confirm."]);
        if (ModelState.IsValid) return true;
        FailedAction = action;
        return false;
    }

    private IActionResult Answer(long id, ClaimResolution result, string done) => result.Outcome switch
    {
        ClaimResolutionOutcome.Done => Done(done, new { id }),
        ClaimResolutionOutcome.NotFound => NotFound(),
        ClaimResolutionOutcome.OutOfStock =>
            Done(T["No stock of this product: the claim stays open and the sellers got a low-stock alert. Add stock, then replace again."],
            new { id }, error: true),
        ClaimResolutionOutcome.WrongState when result.Detail?.StartsWith("unlimited", StringComparison.Ordinal) == true =>
            Done(T["An unlimited product gives every buyer the same content: refund or reject this claim instead."], new { id },
                error: true),
        _ => Done(T["Refused: the claim is already decided or its order is no longer paid. Nothing changed."], new { id }, error: true),
    };

    private async Task<bool> LoadAsync(long id)
    {
        var claim = await ClaimRow.From(db.WarrantyClaims.Where(c => c.Id == id), db).FirstOrDefaultAsync(Aborted);
        if (claim is null) return false;
        Claim = claim;
        ItemMasked = await MaskedAsync(claim.StockItemId) ?? "–";
        ReplacementMasked = claim.ReplacementStockItemId is { } replacement ? await MaskedAsync(replacement) : null;
        Available = await db.StockItems.CountAsync(s => s.ProductId == claim.ProductId && s.Status == StockItemStatus.Available, Aborted);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstAsync(o => o.Id == claim.OrderId, Aborted);
        OrderStatus = order.Status;
        ItemShare = order.Lines.FirstOrDefault(l => l.ProductId == claim.ProductId) is { } line ? WarrantyRules.ItemShare(line, order) : 0;
        BuyerOrders = await db.Orders.CountAsync(o => o.CustomerId == claim.CustomerId && o.Status == OrderStatus.Paid, Aborted);
        BuyerSpent = await db.Orders.Where(o => o.CustomerId == claim.CustomerId && o.Status == OrderStatus.Paid).SumAsync(o => o.Total,
            Aborted);
        BuyerClaims = await (from c in db.WarrantyClaims
                             join p in db.Products on c.ProductId equals p.Id
                             where c.CustomerId == claim.CustomerId && c.SubmittedAtUtc != null
                             orderby c.Id descending
                             select new HistoryClaim(c.Id, c.Status, p.Name, c.SubmittedAtUtc)).Take(20).ToListAsync(Aborted);
        return true;
    }

    private async Task<string?> MaskedAsync(long stockItemId)
    {
        var item = await db.StockItems.Where(s => s.Id == stockItemId).Select(s =>
            new { s.Ciphertext, s.KeyId }).FirstOrDefaultAsync(Aborted);
        return item is null ? null : StockItem.Mask(cipher.Open(item.Ciphertext, item.KeyId));
    }
}
