using BotAutoOrder.Domain.Common;

namespace BotAutoOrder.Tests.Domain;

public class RupiahTests
{
    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(25000, "Rp 25.000")]
    [InlineData(1234567, "Rp 1.234.567")]
    [InlineData(-5000, "-Rp 5.000")]
    [InlineData(999, "Rp 999")]
    [InlineData(1000, "Rp 1.000")]
    [InlineData(-1, "-Rp 1")]
    [InlineData(1_000_000_000, "Rp 1.000.000.000")]
    public void Display_WholeRupiah_UsesDotGrouping(long amount, string expected) =>
        Assert.Equal(expected, Rupiah.Display(amount));
}
