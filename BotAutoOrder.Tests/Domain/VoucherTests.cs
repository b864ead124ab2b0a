using BotAutoOrder.Domain.Vouchers;

namespace BotAutoOrder.Tests.Domain;

/// <summary>A voucher's discount and its guards, without a database.</summary>
public sealed class VoucherTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc);

    private static Voucher Make(VoucherKind kind, long value, long? maxDiscount = null)
    {
        var voucher = new Voucher("HEMAT", kind, value, Now);
        voucher.Update(kind, value, 0, maxDiscount, null, null, null, null, true);
        return voucher;
    }

    [Theory]
    [InlineData(VoucherKind.Percent, 10, null, 50_000, 5_000)]
    [InlineData(VoucherKind.Percent, 100, null, 50_000, 50_000)]
    [InlineData(VoucherKind.Percent, 15, null, 999, 149)] // rounded down: never more than the percentage
    [InlineData(VoucherKind.Percent, 1, null, 99, 0)]
    [InlineData(VoucherKind.Percent, 50, null, 1, 0)]
    [InlineData(VoucherKind.Percent, 10, 3_000L, 50_000, 3_000)] // capped
    [InlineData(VoucherKind.Percent, 10, 10_000L, 50_000, 5_000)] // cap above the discount changes nothing
    [InlineData(VoucherKind.Percent, 20, 0L, 50_000, 0)]
    [InlineData(VoucherKind.Percent, 10, null, 0, 0)]
    [InlineData(VoucherKind.Flat, 5_000, null, 50_000, 5_000)]
    [InlineData(VoucherKind.Flat, 5_000, null, 5_000, 5_000)]
    [InlineData(VoucherKind.Flat, 5_000, null, 3_000, 3_000)] // never more than the subtotal
    [InlineData(VoucherKind.Flat, 5_000, null, 0, 0)]
    [InlineData(VoucherKind.Flat, 5_000, 2_000L, 50_000, 2_000)]
    public void DiscountFor_Subtotal_GivesTheDiscountWithinCapAndSubtotal(VoucherKind kind, long value, long? maxDiscount,
        long subtotal, long discount) =>
        Assert.Equal(discount, Make(kind, value, maxDiscount).DiscountFor(subtotal));

    [Theory]
    [InlineData(" hemat10 ", "HEMAT10")]
    [InlineData("Promo-Akhir", "PROMO-AKHIR")]
    [InlineData("A", "A")]
    public void NormalizeCode_AnyCase_TrimmedUpperCase(string code, string normalized) =>
        Assert.Equal(normalized, Voucher.NormalizeCode(code));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void NormalizeCode_Blank_Throws(string code) => Assert.ThrowsAny<ArgumentException>(() => Voucher.NormalizeCode(code));

    [Theory]
    [InlineData(VoucherKind.Percent, 0, 0)]
    [InlineData(VoucherKind.Percent, 101, 0)]
    [InlineData(VoucherKind.Flat, -1, 0)]
    [InlineData(VoucherKind.Flat, 5_000, -1)]
    public void Update_ValueOrMinimumOutOfRange_Throws(VoucherKind kind, long value, long minOrder) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(VoucherKind.Flat, 1).Update(kind, value, minOrder, null, null, null, null, null, true));
}
