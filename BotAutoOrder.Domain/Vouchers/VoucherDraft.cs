namespace BotAutoOrder.Domain.Vouchers;

/// <summary>A voucher as the admin typed it (unchecked); validity times in UTC. The code is ignored when editing.</summary>
public sealed record VoucherDraft(string? Code, VoucherKind Kind, long? Value, long MinOrder, long? MaxDiscount, int? TotalUses,
    int? UsesPerBuyer, DateTime? ValidFrom, DateTime? ValidUntil, bool IsActive);
