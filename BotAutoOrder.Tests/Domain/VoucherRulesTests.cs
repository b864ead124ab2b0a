using BotAutoOrder.Domain.Vouchers;

namespace BotAutoOrder.Tests.Domain;

public class VoucherRulesTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="value">0 for an empty value.</param>
    /// <param name="untilMinutes">The end of the validity window, in minutes after its start (null: no window).</param>
    /// <param name="usedCount">Editing a voucher used this many times (null: creating one).</param>
    [Theory]
    [InlineData(VoucherKind.Percent, 10L, null, null, null, "HEMAT", null)]
    [InlineData(VoucherKind.Percent, 100L, null, null, null, "HEMAT", null)]
    [InlineData(VoucherKind.Percent, 101L, null, null, null, "HEMAT", nameof(Voucher.Value))]
    [InlineData(VoucherKind.Flat, 50_000L, null, null, null, "HEMAT", null)]
    [InlineData(VoucherKind.Flat, 0L, null, null, null, "HEMAT", nameof(Voucher.Value))]
    [InlineData(VoucherKind.Percent, 10L, null, null, null, " ", nameof(Voucher.Code))]
    [InlineData(VoucherKind.Percent, 10L, null, 1, null, "HEMAT", null)]
    [InlineData(VoucherKind.Percent, 10L, null, 0, null, "HEMAT", nameof(VoucherDraft.ValidUntil))]
    [InlineData(VoucherKind.Percent, 10L, null, -60, null, "HEMAT", nameof(VoucherDraft.ValidUntil))]
    [InlineData(VoucherKind.Percent, 10L, 3, null, 3, "HEMAT", null)]
    [InlineData(VoucherKind.Percent, 10L, 2, null, 3, "HEMAT", nameof(Voucher.TotalUses))]
    [InlineData(VoucherKind.Percent, 10L, null, null, 3, "HEMAT", null)]
    [InlineData(VoucherKind.Percent, 10L, 5, null, 0, null, null)] // editing: the code is fixed, so none is needed
    public void Check_Draft_RefusesOnlyTheBrokenField(VoucherKind kind, long value, int? totalUses, int? untilMinutes, int? usedCount,
        string? code, string? expectedField)
    {
        var draft = new VoucherDraft(code, kind, value == 0 ? null : value, 0, null, totalUses, null,
            untilMinutes is null ? null : T0, untilMinutes is { } m ? T0.AddMinutes(m) : null, true);

        var problems = VoucherRules.Check(draft, usedCount is { } used ? Used(used) : null).ToList();

        if (expectedField is null) Assert.Empty(problems);
        else Assert.Equal(expectedField, Assert.Single(problems).Field);
    }

    private static Voucher Used(int times)
    {
        var voucher = new Voucher("HEMAT", VoucherKind.Percent, 10, T0);
        typeof(Voucher).GetProperty(nameof(Voucher.UsedCount))!.SetValue(voucher, times);
        return voucher;
    }
}
