using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Orders;

namespace BotAutoOrder.Tests.Domain;

/// <summary>Invoice and deposit codes: the prefix, the UTC date, six characters a buyer cannot misread.</summary>
public sealed partial class InvoiceCodesTests
{
    [GeneratedRegex("^(INV|DEP)-[0-9]{6}-[A-HJ-NP-Z2-9]{6}$")]
    private static partial Regex Shape();

    [Theory]
    [InlineData(2026, 11, 24, "INV-261124-")]
    [InlineData(2000, 1, 1, "INV-000101-")]
    [InlineData(2099, 12, 31, "INV-991231-")]
    public void NewInvoice_Date_PrefixAndDateThenSixCharacters(int year, int month, int day, string start)
    {
        var code = InvoiceCodes.NewInvoice(new DateTime(year, month, day, 23, 59, 0, DateTimeKind.Utc));
        Assert.StartsWith(start, code, StringComparison.Ordinal);
        Assert.Matches(Shape(), code);
    }

    [Theory]
    [InlineData(2026, 11, 24, "DEP-261124-")]
    [InlineData(2030, 6, 15, "DEP-300615-")]
    public void NewDeposit_Date_PrefixAndDateThenSixCharacters(int year, int month, int day, string start)
    {
        var code = InvoiceCodes.NewDeposit(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));
        Assert.StartsWith(start, code, StringComparison.Ordinal);
        Assert.Matches(Shape(), code);
    }

    [Fact]
    public void NewInvoice_ManyOnOneDay_NoAmbiguousCharactersAndNoRepeats()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => InvoiceCodes.NewInvoice(DateTime.UnixEpoch)).ToList();
        Assert.All(codes, c => Assert.Matches(Shape(), c)); // never 0, O, 1 or I
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
