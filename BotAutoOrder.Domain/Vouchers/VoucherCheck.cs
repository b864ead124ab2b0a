namespace BotAutoOrder.Domain.Vouchers;

public enum VoucherVerdict
{
    Valid,
    NotFound,
    Inactive,
    NotYetValid,
    Expired,
    MinOrderNotMet,
    UsedUp,
    PerBuyerLimitReached,
}

/// <summary>Whether a voucher applies to a subtotal for a buyer, and the discount it gives.</summary>
public sealed record VoucherCheck(VoucherVerdict Verdict, Voucher? Voucher, long Discount)
{
    public bool IsValid => Verdict == VoucherVerdict.Valid;
}
