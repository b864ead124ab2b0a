using BotAutoOrder.Domain.Stock;

namespace BotAutoOrder.Tests.Domain;

public class StockMaskTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("pass1234")]
    [InlineData("user@mail.test:Secret-Password-2024")]
    [InlineData("a-very-long-licence-key-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")]
    public void Mask_AnyContent_ShowsAtMostTwoOfItsCharacters(string content)
    {
        var masked = StockItem.Mask(content);

        Assert.True(masked.Count(c => c != '•') <= 2, masked);
        Assert.DoesNotContain(content[..Math.Min(3, content.Length)], masked);
    }

    [Theory]
    [InlineData("", "•")]
    [InlineData("abc", "•••")]
    [InlineData("1234567", "•••••••")]
    [InlineData("12345678", "1••••••8")]
    [InlineData("user@mail.test:Secret", "u••••••••••••t")]
    public void Mask_Content_ExactMaskedForm(string content, string masked) => Assert.Equal(masked, StockItem.Mask(content));
}
