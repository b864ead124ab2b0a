using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Vouchers;

namespace BotAutoOrder.Web.Pages.Admin.Vouchers;

/// <summary>The voucher form; validity times are in the store's time zone.</summary>
public sealed class VoucherInput
{
    [StringLength(40, ErrorMessage = "At most {1} characters"),
        RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Letters, digits, - _ only"), Display(Name = "Code")]
    public string? Code { get; set; }
    [Display(Name = "Kind")] public VoucherKind Kind { get; set; } = VoucherKind.Percent;
    [Required(ErrorMessage = "Required"), Range(1, 1_000_000_000, ErrorMessage = "Between {1} and {2}"),
        Display(Name = "Value (percent or Rp)")]
    public long? Value { get; set; }
    [Range(0, 1_000_000_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Minimum order (Rp)")]
    public long MinOrder { get; set; }
    [Range(1, 1_000_000_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Maximum discount (Rp, empty = none)")]
    public long? MaxDiscount { get; set; }
    [Range(1, 10_000_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Total uses (empty = unlimited)")]
    public int? TotalUses { get; set; }
    [Range(1, 10_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Uses per buyer (empty = unlimited)")]
    public int? UsesPerBuyer { get; set; }
    [Display(Name = "Valid from")] public DateTime? ValidFrom { get; set; }
    [Display(Name = "Valid until")] public DateTime? ValidUntil { get; set; }
    [Display(Name = "Active")] public bool IsActive { get; set; } = true;
}
