using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Vouchers;

/// <summary>The dashboard's voucher writes: create/edit under <see cref="VoucherRules"/>, activate/deactivate; each audited.</summary>
public sealed class VoucherAdminService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    /// <summary>The problems <see cref="SaveAsync"/> would refuse with, without saving (for a form that is already invalid).</summary>
    public async Task<SaveResult<Voucher>> CheckAsync(long? id, VoucherDraft draft, CancellationToken ct)
    {
        var voucher = id is null ? null : await db.Vouchers.FindAsync([id], ct);
        if (id is not null && voucher is null) return SaveResult<Voucher>.NotFound;
        var problems = VoucherRules.Check(draft, voucher).ToList();
        var code = string.IsNullOrWhiteSpace(draft.Code) ? null : Voucher.NormalizeCode(draft.Code);
        if (voucher is null && code is not null && await db.Vouchers.AnyAsync(v => v.Code == code, ct))
            problems.Add(new(nameof(Voucher.Code), "This code is already used."));
        if (problems.Count > 0) return SaveResult<Voucher>.Refused(problems);
        return SaveResult<Voucher>.Done(voucher ?? new Voucher(code!, draft.Kind, draft.Value!.Value, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Creates (no id) or edits a voucher; refused with problems (nothing saved) when a rule does not hold.</summary>
    public async Task<SaveResult<Voucher>> SaveAsync(long? id, VoucherDraft draft, string actor, CancellationToken ct)
    {
        var check = await CheckAsync(id, draft, ct);
        if (check.Saved is not { } voucher) return check;
        if (id is null) db.Vouchers.Add(voucher);
        voucher.Update(draft.Kind, draft.Value!.Value, draft.MinOrder, draft.MaxDiscount, draft.TotalUses, draft.UsesPerBuyer,
            draft.ValidFrom, draft.ValidUntil, draft.IsActive);
        await save.SaveAsync(actor, id is null ? AuditActions.VoucherCreated : AuditActions.VoucherUpdated, "Voucher", () => voucher.Id,
            () => new
        {
            voucher.Code, kind = voucher.Kind.ToString(), voucher.Value, voucher.MinOrder, voucher.MaxDiscount, voucher.TotalUses,
            voucher.UsesPerBuyer, voucher.ValidFromUtc, voucher.ValidUntilUtc, voucher.IsActive,
        }, ct);
        return check;
    }

    /// <summary>Activates or deactivates a voucher; null when there is no such voucher.</summary>
    public async Task<Voucher?> SetActiveAsync(long id, bool active, string actor, CancellationToken ct)
    {
        var voucher = await db.Vouchers.FindAsync([id], ct);
        if (voucher is null) return null;
        voucher.SetActive(active);
        await save.SaveAsync(actor, active ? AuditActions.VoucherActivated : AuditActions.VoucherDeactivated, "Voucher", () => id,
            () => new { voucher.Code }, ct);
        return voucher;
    }
}
