using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Vouchers;

/// <summary>Creates a voucher (no id) or edits one; shows its redemptions. The code is fixed once created.</summary>
public sealed class EditModel(AppDbContext db, VoucherAdminService vouchers, StoreTime time) : AdminPageModel
{
    [BindProperty] public VoucherInput Input { get; set; } = new();
    public Voucher? Voucher { get; private set; }
    public IReadOnlyList<VoucherRedemption> Redemptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        if (id is null) return Page();
        if (!await LoadAsync(id.Value)) return NotFound();
        var v = Voucher!;
        Input = new VoucherInput
        {
            Code = v.Code, Kind = v.Kind, Value = v.Value, MinOrder = v.MinOrder, MaxDiscount = v.MaxDiscount, TotalUses = v.TotalUses,
            UsesPerBuyer = v.UsesPerBuyer, ValidFrom = v.ValidFromUtc is { } f ? time.ToLocal(f) : null,
            ValidUntil = v.ValidUntilUtc is { } u ? time.ToLocal(u) : null, IsActive = v.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        if (id is not null && !await LoadAsync(id.Value)) return NotFound();
        var draft = new VoucherDraft(Input.Code, Input.Kind, Input.Value, Input.MinOrder, Input.MaxDiscount, Input.TotalUses,
            Input.UsesPerBuyer,
            Input.ValidFrom is { } f ? time.ToUtc(f) : null, Input.ValidUntil is { } u ? time.ToUtc(u) : null, Input.IsActive);
        var result = ModelState.IsValid
            ? await vouchers.SaveAsync(id, draft, Actor, Aborted)
            : await vouchers.CheckAsync(id, draft, Aborted); // show every problem at once, save nothing
        if (result.Outcome == SaveOutcome.NotFound) return NotFound();
        AddProblems(result.Problems);
        if (!ModelState.IsValid || result.Saved is not { } voucher) return Page();
        return Done(T["Voucher {0} saved.", voucher.Code], page: "Index");
    }

    private async Task<bool> LoadAsync(long id)
    {
        Voucher = await db.Vouchers.FindAsync([id], Aborted);
        if (Voucher is null) return false;
        Redemptions = await db.VoucherRedemptions.AsNoTracking().Where(r => r.VoucherId == id).OrderByDescending(r =>
            r.Id).Take(100).ToListAsync(Aborted);
        return true;
    }
}
