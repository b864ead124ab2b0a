namespace BotAutoOrder.Domain.Vouchers;

public class Voucher
{
    private Voucher() { }

    public Voucher(string code, VoucherKind kind, long value, DateTime nowUtc)
    {
        Code = NormalizeCode(code);
        CreatedAtUtc = nowUtc;
        Update(kind, value, 0, null, null, null, null, null, true);
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public VoucherKind Kind { get; private set; }
    public long Value { get; private set; }
    public long MinOrder { get; private set; }
    public long? MaxDiscount { get; private set; }
    public int? TotalUses { get; private set; }
    public int? UsesPerBuyer { get; private set; }
    public DateTime? ValidFromUtc { get; private set; }
    public DateTime? ValidUntilUtc { get; private set; }
    public bool IsActive { get; private set; }
    /// <summary>Redemptions so far; incremented by a conditional update that respects <see cref="TotalUses"/>.</summary>
    public int UsedCount { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static string NormalizeCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return code.Trim().ToUpperInvariant();
    }

    public void Update(VoucherKind kind, long value, long minOrder, long? maxDiscount, int? totalUses, int? usesPerBuyer,
        DateTime? validFromUtc, DateTime? validUntilUtc, bool isActive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        if (kind == VoucherKind.Percent && value > 100) throw new ArgumentOutOfRangeException(nameof(value));
        ArgumentOutOfRangeException.ThrowIfNegative(minOrder);
        Kind = kind;
        Value = value;
        MinOrder = minOrder;
        MaxDiscount = maxDiscount;
        TotalUses = totalUses;
        UsesPerBuyer = usesPerBuyer;
        ValidFromUtc = validFromUtc;
        ValidUntilUtc = validUntilUtc;
        IsActive = isActive;
    }

    public void SetActive(bool isActive) => IsActive = isActive;

    /// <summary>The discount this voucher gives on a subtotal (never more than the subtotal).</summary>
    public long DiscountFor(long subtotal)
    {
        var discount = Kind == VoucherKind.Percent ? subtotal * Value / 100 : Value;
        if (MaxDiscount is { } max) discount = Math.Min(discount, max);
        return Math.Clamp(discount, 0, subtotal);
    }
}
