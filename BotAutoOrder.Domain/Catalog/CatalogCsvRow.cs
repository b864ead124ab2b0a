using System.Globalization;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>One parsed and checked row of the catalog CSV; <see cref="Problems"/> says why it cannot be written.</summary>
internal sealed record CatalogCsvRow(string Code, string Name, string Category, long Price, string? Description, bool Active,
    int? PerOrderLimit, string? Terms, int? LowStockThreshold, IReadOnlyList<string> Problems)
{
    private static readonly string[] Yes = ["true", "1", "yes", "ya", "y"];
    private static readonly string[] No = ["false", "0", "no", "tidak", "n"];

    public static CatalogCsvRow Parse(Func<string, string> field)
    {
        var problems = new List<string>();
        var priceOk = long.TryParse(field("price"), NumberStyles.None, CultureInfo.InvariantCulture, out var price);
        if (!priceOk) problems.Add($"price '{field("price")}' is not a whole number of Rupiah");
        var activeText = field("active").ToLowerInvariant();
        var active = Yes.Contains(activeText);
        if (!active && !No.Contains(activeText)) problems.Add($"active '{field("active")}' must be true or false");
        var perOrder = OptionalInt(field("per_order_limit"), "per_order_limit", problems);
        var lowStock = OptionalInt(field("low_stock_threshold"), "low_stock_threshold", problems);
        var description = field("description");
        var terms = field("terms");
        problems.AddRange(ProductRules.Check(field("code"), field("name"), field("category"), priceOk ? price : 1, perOrder, lowStock,
            description, terms)
            .Select(p => $"{ColumnOf(p.Field)}: {p.Message}"));
        var code = string.IsNullOrWhiteSpace(field("code")) ? "" : Product.NormalizeCode(field("code"));
        return new CatalogCsvRow(code, field("name").Trim(), field("category").Trim(), price,
            string.IsNullOrWhiteSpace(description) ? null : description, active, perOrder,
            string.IsNullOrWhiteSpace(terms) ? null : terms, lowStock, problems);
    }

    private static int? OptionalInt(string text, string column, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add($"{column} '{text}' is not a whole number");
        return null;
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(Product.PerOrderLimit) => "per_order_limit",
        nameof(Product.LowStockThreshold) => "low_stock_threshold",
        nameof(Product.TermsText) => "terms",
        _ => field.ToLowerInvariant(),
    };
}
