namespace BotAutoOrder.Domain.Vouchers;

public enum VoucherKind
{
    /// <summary>Value is a percentage (1–100) of the subtotal.</summary>
    Percent,
    /// <summary>Value is a flat Rupiah amount.</summary>
    Flat,
}
