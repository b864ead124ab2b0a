using System.Text.RegularExpressions;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>
/// What makes a product's fields valid, shared by the dashboard form and the catalog CSV import.
/// Messages are English keys (the dashboard translates them); fields are the <see cref="Product"/> property names.
/// </summary>
public static partial class ProductRules
{
    public const int MaxCategoryNameLength = 80;
    public const int MaxTextLength = 4000;

    public sealed record Problem(string Field, string Message);

    public static IEnumerable<Problem> Check(string? code, string? name, string? categoryName, long price, int? perOrderLimit,
        int? lowStockThreshold, string? description, string? terms)
    {
        if (string.IsNullOrWhiteSpace(code)) yield return new(nameof(Product.Code), "Required");
        else if (code.Trim().Length > Product.MaxCodeLength) yield return new(nameof(Product.Code), "At most 40 characters");
        else if (!CodePattern().IsMatch(code.Trim())) yield return new(nameof(Product.Code), "Letters, digits, - _ . only");
        if (string.IsNullOrWhiteSpace(name)) yield return new(nameof(Product.Name), "Required");
        else if (name.Trim().Length > Product.MaxNameLength) yield return new(nameof(Product.Name), "At most 120 characters");
        if (categoryName is not null && string.IsNullOrWhiteSpace(categoryName)) yield return new(nameof(Product.Category), "Required");
        else if (categoryName?.Trim().Length > MaxCategoryNameLength) yield return new(nameof(Product.Category), "At most 80 characters");
        if (price <= 0) yield return new(nameof(Product.Price), "Price must be greater than 0");
        if (perOrderLimit is <= 0) yield return new(nameof(Product.PerOrderLimit), "Must be greater than 0 (or empty for no limit)");
        if (lowStockThreshold is < 0) yield return new(nameof(Product.LowStockThreshold), "Must not be negative");
        if (description?.Length > MaxTextLength) yield return new(nameof(Product.Description), "At most 4000 characters");
        if (terms?.Length > MaxTextLength) yield return new(nameof(Product.TermsText), "At most 4000 characters");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex CodePattern();
}
