using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Vouchers;

/// <summary>Creates a voucher (no id) or edits one; shows its redemptions. The code is fixed once created.</summary>
public sealed class EditModel(AppDbContext db, AuditLog audit, StoreTime time) : AdminPageModel
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
        var code = Voucher?.Code ?? Input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) ModelState.AddModelError("Input.Code", T["Required"]);
        else if (Voucher is null && await db.Vouchers.AnyAsync(v => v.Code == code, Aborted)) ModelState.AddModelError("Input.Code", T["This code is already used."]);
        if (Input is { Kind: VoucherKind.Percent, Value: > 100 }) ModelState.AddModelError("Input.Value", T["A percentage is between 1 and 100"]);
        if (Input.ValidFrom is { } from && Input.ValidUntil is { } until && until <= from) ModelState.AddModelError("Input.ValidUntil", T["Must be after the start"]);
        if (Voucher is not null && Input.TotalUses < Voucher.UsedCount) ModelState.AddModelError("Input.TotalUses", T["Already used {0} times", Voucher.UsedCount]);
        if (!ModelState.IsValid) return Page();

        await using var tx = await db.Database.BeginTransactionAsync(Aborted);
        var voucher = Voucher ?? db.Vouchers.Add(new Voucher(code!, Input.Kind, Input.Value!.Value, time.NowUtc)).Entity;
        voucher.Update(Input.Kind, Input.Value!.Value, Input.MinOrder, Input.MaxDiscount, Input.TotalUses, Input.UsesPerBuyer,
            Input.ValidFrom is { } f ? time.ToUtc(f) : null, Input.ValidUntil is { } u ? time.ToUtc(u) : null, Input.IsActive);
        await db.SaveChangesAsync(Aborted);
        audit.Record(Actor, id is null ? AuditActions.VoucherCreated : AuditActions.VoucherUpdated, "Voucher", voucher.Id, new
        {
            voucher.Code, kind = voucher.Kind.ToString(), voucher.Value, voucher.MinOrder, voucher.MaxDiscount, voucher.TotalUses,
            voucher.UsesPerBuyer, voucher.ValidFromUtc, voucher.ValidUntilUtc, voucher.IsActive,
        });
        await db.SaveChangesAsync(Aborted);
        await tx.CommitAsync(Aborted);
        return Done(T["Voucher {0} saved.", voucher.Code], page: "Index");
    }

    private async Task<bool> LoadAsync(long id)
    {
        Voucher = await db.Vouchers.FindAsync([id], Aborted);
        if (Voucher is null) return false;
        Redemptions = await db.VoucherRedemptions.AsNoTracking().Where(r => r.VoucherId == id).OrderByDescending(r => r.Id).Take(100).ToListAsync(Aborted);
        return true;
    }
}
