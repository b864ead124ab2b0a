using BotAutoOrder.Domain.Common;

namespace BotAutoOrder.Domain.Vouchers;

/// <summary>
/// What makes a voucher's fields valid (beyond the form's ranges): a percentage is at most 100, the validity window
/// ends after it starts, and the total uses never drop below the uses already taken.
/// </summary>
public static class VoucherRules
{
    public const int MaxPercent = 100;

    /// <param name="existing">The voucher being edited, or null when creating one.</param>
    public static IEnumerable<FieldProblem> Check(VoucherDraft draft, Voucher? existing)
    {
        if (existing is null && string.IsNullOrWhiteSpace(draft.Code)) yield return new(nameof(Voucher.Code), "Required");
        if (draft.Value is null) yield return new(nameof(Voucher.Value), "Required");
        else if (draft is { Kind: VoucherKind.Percent, Value: > MaxPercent }) yield return new(nameof(Voucher.Value),
            "A percentage is between 1 and 100");
        if (draft.ValidFrom is { } from && draft.ValidUntil is { } until && until <= from)
            yield return new(nameof(VoucherDraft.ValidUntil), "Must be after the start");
        if (existing is not null && draft.TotalUses < existing.UsedCount)
            yield return new(nameof(Voucher.TotalUses), "Already used {0} times", existing.UsedCount);
    }
}
