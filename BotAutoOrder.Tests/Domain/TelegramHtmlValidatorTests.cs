using BotAutoOrder.Domain.Broadcasts;

namespace BotAutoOrder.Tests.Domain;

public sealed class TelegramHtmlValidatorTests
{
    [Theory]
    [InlineData("<b>tebal</b> <strong>x</strong> <i>y</i> <em>z</em> <u>u</u> <ins>i</ins> <s>s</s> <strike>k</strike> <del>d</del>")]
    [InlineData("<a href=\"https://t.me/toko\">toko</a> <tg-spoiler>r</tg-spoiler> <span class=\"tg-spoiler\">r</span>")]
    [InlineData("<pre><code class=\"language-python\">print(1)</code></pre> <code>x</code> <blockquote expandable>q</blockquote>")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> 5 &lt; 6 &amp; 7 &gt; 1 &quot;ok&quot; &#127881; &#x1F389; Tom & Jerry")]
    public void Check_AcceptsTelegramHtml(string html) => Assert.Equal(HtmlProblem.None, TelegramHtmlValidator.Check(html, 4096).Problem);

    [Theory]
    [InlineData("<script>alert(1)</script>", HtmlProblem.TagNotAllowed, "script")]
    [InlineData("Diskon <b>50%", HtmlProblem.Unclosed, "b")]
    [InlineData("<b><i>x</b></i>", HtmlProblem.UnexpectedClose, "b")]
    [InlineData("x</b>", HtmlProblem.UnexpectedClose, "b")]
    [InlineData("harga < 5000", HtmlProblem.BareLessThan, "< 5000")]
    [InlineData("<b", HtmlProblem.BareLessThan, "<b")]
    [InlineData("a<br>b", HtmlProblem.TagNotAllowed, "br")]
    [InlineData("<b/>", HtmlProblem.Unclosed, "b")]
    [InlineData("<a>x</a>", HtmlProblem.BadAttribute, "a")]
    [InlineData("<b onclick=\"x\">x</b>", HtmlProblem.BadAttribute, "b")]
    [InlineData("<span class=\"red\">x</span>", HtmlProblem.BadAttribute, "span")]
    [InlineData("a&nbsp;b", HtmlProblem.UnknownEntity, "&nbsp;")]
    [InlineData("   ", HtmlProblem.Empty, null)]
    [InlineData("<b></b>", HtmlProblem.Empty, null)]
    public void Check_RefusesWhatTelegramRejects(string html, HtmlProblem problem, string? detail)
    {
        var check = TelegramHtmlValidator.Check(html, 4096);
        Assert.Equal((problem, detail), (check.Problem, check.Detail));
    }

    [Fact]
    public void Check_CountsVisibleCharactersAgainstTheLimit()
    {
        Assert.True(TelegramHtmlValidator.Check("<b>" + new string('x', 1024) + "</b>", 1024).Ok);
        Assert.Equal(HtmlProblem.TooLong, TelegramHtmlValidator.Check(new string('x', 1025), 1024).Problem);
        Assert.Equal(3, TelegramHtmlValidator.Check("&lt;<i>a</i>&amp;", 10).Length);
        Assert.Equal(HtmlProblem.TooLong, TelegramHtmlValidator.Check(new string('x', 4097), 4096).Problem);
    }

    [Fact]
    public void Preview_KeepsAllowedTagsAndEscapesEverythingElse()
    {
        Assert.Equal("<b>a</b> &lt;script&gt;x&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; 1 &lt; 2 &amp;",
            TelegramHtmlValidator.Preview("<b>a</b> <script>x</script> <img src=x onerror=alert(1)> 1 &lt; 2 &"));
        Assert.Equal("<a href=\"https://x.test/?a=1&amp;b=&quot;\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">l</a>",
            TelegramHtmlValidator.Preview("<a href=\"https://x.test/?a=1&amp;b=&quot;\">l</a>"));
        Assert.Equal("<span class=\"tg-link\">l</span>", TelegramHtmlValidator.Preview("<a href=\"javascript:alert(1)\">l</a>"));
        Assert.Equal("<b>open</b>", TelegramHtmlValidator.Preview("<b>open"));
    }
}
