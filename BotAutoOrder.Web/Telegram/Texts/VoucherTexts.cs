using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Vouchers;

namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Why a voucher does not apply, in the buyer's language.</summary>
public sealed class VoucherTexts(BotTexts texts)
{
    public static readonly TextTemplate NotFound =
        new("voucher.reason.not_found", "kode tidak ditemukan", "code not found", "Voucher reason");
    public static readonly TextTemplate Inactive =
        new("voucher.reason.inactive", "voucher tidak aktif", "voucher is not active", "Voucher reason");
    public static readonly TextTemplate NotYetValid =
        new("voucher.reason.not_yet_valid", "voucher belum berlaku", "voucher is not valid yet", "Voucher reason");
    public static readonly TextTemplate Expired =
        new("voucher.reason.expired", "voucher sudah kedaluwarsa", "voucher has expired", "Voucher reason");
    public static readonly TextTemplate MinOrder =
        new("voucher.reason.min_order", "minimal belanja {min}", "minimum order {min}", "Voucher reason", "min");
    public static readonly TextTemplate UsedUp =
        new("voucher.reason.used_up", "kuota voucher sudah habis", "voucher fully used", "Voucher reason");
    public static readonly TextTemplate PerBuyer =
        new("voucher.reason.per_buyer", "kamu sudah memakai voucher ini", "you already used this voucher", "Voucher reason");

    public static IReadOnlyList<TextTemplate> All { get; } = [NotFound, Inactive, NotYetValid, Expired, MinOrder, UsedUp, PerBuyer];

    public Task<string> ReasonAsync(VoucherVerdict verdict, string lang, CancellationToken ct, Voucher? voucher = null) => verdict switch
    {
        VoucherVerdict.Inactive => texts.RenderAsync(Inactive, lang, ct),
        VoucherVerdict.NotYetValid => texts.RenderAsync(NotYetValid, lang, ct),
        VoucherVerdict.Expired => texts.RenderAsync(Expired, lang, ct),
        VoucherVerdict.MinOrderNotMet => texts.RenderAsync(MinOrder, lang, ct, ("min", Rupiah.Display(voucher?.MinOrder ?? 0))),
        VoucherVerdict.UsedUp => texts.RenderAsync(UsedUp, lang, ct),
        VoucherVerdict.PerBuyerLimitReached => texts.RenderAsync(PerBuyer, lang, ct),
        _ => texts.RenderAsync(NotFound, lang, ct),
    };
}
