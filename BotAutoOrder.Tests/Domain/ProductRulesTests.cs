using BotAutoOrder.Domain.Catalog;

namespace BotAutoOrder.Tests.Domain;

/// <summary>The product field rules shared by the dashboard form and the CSV import: one broken field, one problem.</summary>
public sealed class ProductRulesTests
{
    [Fact]
    public void Check_ValidProduct_HasNoProblems() =>
        Assert.Empty(ProductRules.Check("NETFLIX-1M", "Netflix 1 bulan", "Streaming", 25_000, 1, 0, "desc", "terms"));

    [Theory]
    [InlineData("code", "", "Code", "Required")]
    [InlineData("code", "   ", "Code", "Required")]
    [InlineData("code", "toolong-toolong-toolong-toolong-toolong-x", "Code", "At most 40 characters")]
    [InlineData("code", "has space", "Code", "Letters, digits, - _ . only")]
    [InlineData("code", "-starts-with-dash", "Code", "Letters, digits, - _ . only")]
    [InlineData("code", "emoji👍", "Code", "Letters, digits, - _ . only")]
    [InlineData("name", "", "Name", "Required")]
    [InlineData("name", "121", "Name", "At most 120 characters")]
    [InlineData("category", " ", "Category", "Required")]
    [InlineData("category", "81", "Category", "At most 80 characters")]
    [InlineData("price", "0", "Price", "Price must be greater than 0")]
    [InlineData("price", "-1", "Price", "Price must be greater than 0")]
    [InlineData("limit", "0", "PerOrderLimit", "Must be greater than 0 (or empty for no limit)")]
    [InlineData("lowstock", "-1", "LowStockThreshold", "Must not be negative")]
    [InlineData("description", "4001", "Description", "At most 4000 characters")]
    [InlineData("terms", "4001", "TermsText", "At most 4000 characters")]
    public void Check_OneBrokenField_NamesThatFieldOnly(string field, string value, string problemField, string message)
    {
        string Text(string f, string fallback) =>
            field != f ? fallback : int.TryParse(value, out var n) && n > 0 ? new string('x', n) : value;
        long Number(string f, long fallback) => field == f ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

        var problems = ProductRules.Check(Text("code", "P-1"), Text("name", "Produk"), Text("category", "Kategori"),
            Number("price", 10_000), (int?)Number("limit", 1), (int?)Number("lowstock", 0), Text("description", ""), Text("terms", "")).ToList();

        Assert.Equal(new[] { new ProductRules.Problem(problemField, message) }, problems);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("a.b_c-d")]
    [InlineData("  P-1  ")] // trimmed before the check
    [InlineData("toolong-toolong-toolong-toolong-toolong-")] // exactly 40
    public void Check_CodeEdgeCases_Accepted(string code) =>
        Assert.Empty(ProductRules.Check(code, "Produk", null, 1, null, null, null, null));

    [Fact]
    public void Check_NoCategoryAndNoLimits_AreAllowed() =>
        Assert.Empty(ProductRules.Check("P", "Produk", null, 1, null, null, null, null));
}
