using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Vouchers;

/// <summary>
/// Voucher rules (active, validity window, minimum order, total and per-buyer uses) and redemption. A redemption takes
/// a use with a conditional update (<c>UsedCount &lt; TotalUses</c>), so concurrent checkouts never overrun the limit;
/// an expired or cancelled order gives its use back.
/// </summary>
public sealed class VoucherService(AppDbContext db, TimeProvider clock)
{
    public async Task<VoucherCheck> CheckAsync(string code, long customerId, long subtotal, CancellationToken ct)
    {
        var normalized = string.IsNullOrWhiteSpace(code) ? "" : Voucher.NormalizeCode(code);
        var voucher = await db.Vouchers.AsNoTracking().FirstOrDefaultAsync(v => v.Code == normalized, ct);
        return voucher is null ? new VoucherCheck(VoucherVerdict.NotFound, null, 0) : await CheckAsync(voucher, customerId, subtotal, ct);
    }

    public async Task<VoucherCheck> CheckAsync(Voucher voucher, long customerId, long subtotal, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        VoucherVerdict verdict;
        if (!voucher.IsActive) verdict = VoucherVerdict.Inactive;
        else if (voucher.ValidFromUtc is { } from && now < from) verdict = VoucherVerdict.NotYetValid;
        else if (voucher.ValidUntilUtc is { } until && now > until) verdict = VoucherVerdict.Expired;
        else if (subtotal < voucher.MinOrder) verdict = VoucherVerdict.MinOrderNotMet;
        else if (voucher.TotalUses is { } total && voucher.UsedCount >= total) verdict = VoucherVerdict.UsedUp;
        else if (voucher.UsesPerBuyer is { } perBuyer
                 && await db.VoucherRedemptions.CountAsync(r => r.VoucherId == voucher.Id && r.CustomerId == customerId, ct) >= perBuyer)
            verdict = VoucherVerdict.PerBuyerLimitReached;
        else verdict = VoucherVerdict.Valid;
        return new VoucherCheck(verdict, voucher, verdict == VoucherVerdict.Valid ? voucher.DiscountFor(subtotal) : 0);
    }

    /// <summary>
    /// Takes one use for an order inside the caller's transaction, re-checking every rule there (active, validity window,
    /// minimum order, total uses, uses per buyer) in the conditional update; false when a rule no longer holds. The update
    /// locks the voucher row, so the per-buyer count read after it sees every concurrent redemption that committed first.
    /// </summary>
    public async Task<bool> RedeemAsync(long voucherId, long customerId, long orderId, long subtotal, long discount, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Vouchers
            .Where(v => v.Id == voucherId && v.IsActive && (v.TotalUses == null || v.UsedCount < v.TotalUses)
                        && (v.ValidFromUtc == null || v.ValidFromUtc <= now) && (v.ValidUntilUtc == null || v.ValidUntilUtc >= now)
                        && v.MinOrder <= subtotal
                        && (v.UsesPerBuyer == null
                            || db.VoucherRedemptions.Count(r => r.VoucherId == v.Id && r.CustomerId == customerId) < v.UsesPerBuyer))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.UsedCount, v => v.UsedCount + 1), ct);
        if (taken == 0) return false;
        var perBuyer = await db.Vouchers.Where(v => v.Id == voucherId).Select(v => v.UsesPerBuyer).FirstAsync(ct);
        if (perBuyer is { } limit
            && await db.VoucherRedemptions.CountAsync(r => r.VoucherId == voucherId && r.CustomerId == customerId, ct) >= limit)
            return false; // the caller rolls back, giving the use back
        db.VoucherRedemptions.Add(new VoucherRedemption(voucherId, customerId, orderId, discount, now));
        return true;
    }

    /// <summary>Gives an unpaid order's voucher use back (inside the caller's transaction).</summary>
    public async Task ReleaseAsync(long orderId, CancellationToken ct)
    {
        var redemption = await db.VoucherRedemptions.FirstOrDefaultAsync(r => r.OrderId == orderId, ct);
        if (redemption is null) return;
        var removed = await db.VoucherRedemptions.Where(r => r.Id == redemption.Id).ExecuteDeleteAsync(ct);
        if (removed == 1)
            await db.Vouchers.Where(v => v.Id == redemption.VoucherId && v.UsedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.UsedCount, v => v.UsedCount - 1), ct);
        db.Entry(redemption).State = EntityState.Detached;
    }
}
