using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Catalog;

namespace BotAutoOrder.Web.Pages.Admin.Products;

/// <summary>The product form (the rules themselves live in <see cref="ProductRules"/>).</summary>
public sealed class ProductInput
{
    [Display(Name = "Code")] public string? Code { get; set; }
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Category")] public long? CategoryId { get; set; }
    [Required(ErrorMessage = "Required"), Display(Name = "Price (Rp)")] public long? Price { get; set; }
    [Display(Name = "Description")] public string? Description { get; set; }
    [Display(Name = "Per-order limit (empty = no limit)")] public int? PerOrderLimit { get; set; }
    [Display(Name = "Terms (SNK), empty = none")] public string? TermsText { get; set; }
    [Display(Name = "Low-stock threshold (empty = store default)")] public int? LowStockThreshold { get; set; }
    [Display(Name = "Active")] public bool IsActive { get; set; } = true;
    [Range(0, Product.MaxWarrantyDays, ErrorMessage = "Between {1} and {2}"), Display(Name = "Warranty (days, 0 = none)")]
    public int? WarrantyDays { get; set; }
    [Display(Name = "Unlimited: every buyer gets the same content")] public bool IsUnlimited { get; set; }
    /// <summary>Write-only: the current content is never shown, only masked; empty keeps it.</summary>
    [Display(Name = "Unlimited content (empty = keep the current one)")] public string? UnlimitedContent { get; set; }

    public static ProductInput From(Product p) => new()
    {
        Code = p.Code, Name = p.Name, CategoryId = p.CategoryId, Price = p.Price, Description = p.Description,
        PerOrderLimit = p.PerOrderLimit, TermsText = p.TermsText, LowStockThreshold = p.LowStockThreshold, IsActive = p.IsActive,
        WarrantyDays = p.WarrantyDays,
        IsUnlimited = p.IsUnlimited,
    };

    public ProductDraft ToDraft() => new(Code, Name, CategoryId, Price, Description, PerOrderLimit, TermsText, LowStockThreshold, IsActive)
    {
        WarrantyDays = WarrantyDays,
    };
}
