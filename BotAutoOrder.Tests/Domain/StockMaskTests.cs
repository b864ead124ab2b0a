using BotAutoOrder.Domain.Stock;

namespace BotAutoOrder.Tests.Domain;

public class StockMaskTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("pass1234")]
    [InlineData("user@mail.test:Secret-Password-2024")]
    [InlineData("a-very-long-licence-key-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")]
    public void Mask_ShowsAtMostTwoCharactersOfTheContent(string content)
    {
        var masked = StockItem.Mask(content);

        Assert.True(masked.Count(c => c != '•') <= 2, masked);
        Assert.DoesNotContain(content[..Math.Min(3, content.Length)], masked);
    }
}
