using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Tests.Domain;

/// <summary>The one Telegram-HTML module against Telegram's whitelist (spec telegram.md): check, visible length, preview, truncate.</summary>
public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("<b>x</b>")]
    [InlineData("<strong>x</strong>")]
    [InlineData("<i>x</i>")]
    [InlineData("<em>x</em>")]
    [InlineData("<u>x</u>")]
    [InlineData("<ins>x</ins>")]
    [InlineData("<s>x</s>")]
    [InlineData("<strike>x</strike>")]
    [InlineData("<del>x</del>")]
    [InlineData("<span class=\"tg-spoiler\">x</span>")]
    [InlineData("<tg-spoiler>x</tg-spoiler>")]
    [InlineData("<a href=\"https://t.me/toko\">x</a>")]
    [InlineData("<a href='tg://user?id=1'>x</a>")]
    [InlineData("<code>x</code>")]
    [InlineData("<pre>x</pre>")]
    [InlineData("<pre><code class=\"language-python\">print(1)</code></pre>")]
    [InlineData("<blockquote>x</blockquote>")]
    [InlineData("<blockquote expandable>x</blockquote>")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>")]
    [InlineData("<B>x</B>")]
    [InlineData("<b><i><u>nested</u></i></b>")]
    [InlineData("5 &lt; 6 &amp; 7 &gt; 1 &quot;ok&quot; &#127881; &#x1F389;")]
    [InlineData("Tom & Jerry -> bare & and > are text")]
    public void Check_TagOrEntityOnTelegramsWhitelist_IsAccepted(string html) =>
        Assert.Equal(HtmlProblem.None, TelegramHtml.Check(html, TelegramLimits.MessageText).Problem);

    [Theory]
    [InlineData("<script>alert(1)</script>", HtmlProblem.TagNotAllowed, "script")]
    [InlineData("a<br>b", HtmlProblem.TagNotAllowed, "br")]
    [InlineData("<div>x</div>", HtmlProblem.TagNotAllowed, "div")]
    [InlineData("<p>x</p>", HtmlProblem.TagNotAllowed, "p")]
    [InlineData("<img src=x>", HtmlProblem.TagNotAllowed, "img")]
    [InlineData("<h1>x</h1>", HtmlProblem.TagNotAllowed, "h1")]
    [InlineData("<span>x</span>", HtmlProblem.BadAttribute, "span")]
    [InlineData("<span class=\"red\">x</span>", HtmlProblem.BadAttribute, "span")]
    [InlineData("<a>x</a>", HtmlProblem.BadAttribute, "a")]
    [InlineData("<a href=\"https://x.test\" target=\"_blank\">x</a>", HtmlProblem.BadAttribute, "a")]
    [InlineData("<b onclick=\"x\">x</b>", HtmlProblem.BadAttribute, "b")]
    [InlineData("<code class=\"python\">x</code>", HtmlProblem.BadAttribute, "code")]
    [InlineData("<tg-emoji>👍</tg-emoji>", HtmlProblem.BadAttribute, "tg-emoji")]
    [InlineData("<tg-emoji emoji-id=\"abc\">👍</tg-emoji>", HtmlProblem.BadAttribute, "tg-emoji")]
    [InlineData("Diskon <b>50%", HtmlProblem.Unclosed, "b")]
    [InlineData("<b/>", HtmlProblem.Unclosed, "b")]
    [InlineData("<b><i>x</b></i>", HtmlProblem.UnexpectedClose, "b")]
    [InlineData("x</b>", HtmlProblem.UnexpectedClose, "b")]
    [InlineData("harga < 5000", HtmlProblem.BareLessThan, "< 5000")]
    [InlineData("<b", HtmlProblem.BareLessThan, "<b")]
    [InlineData("a&nbsp;b", HtmlProblem.UnknownEntity, "&nbsp;")]
    [InlineData("&copy; 2026", HtmlProblem.UnknownEntity, "&copy;")]
    [InlineData("   ", HtmlProblem.Empty, null)]
    [InlineData("<b></b>", HtmlProblem.Empty, null)]
    public void Check_TextTelegramWouldRefuse_NamesTheProblem(string html, HtmlProblem problem, string? detail)
    {
        var check = TelegramHtml.Check(html, TelegramLimits.MessageText);
        Assert.Equal((problem, detail), (check.Problem, check.Detail));
    }

    [Fact]
    public void Problems_SeveralMistakes_ListsEachInOrder()
    {
        var problems = TelegramHtml.Problems("<script>x</script> 1 < 2 <b><i>open");
        Assert.Equal(
            [(HtmlProblem.TagNotAllowed, "script"), (HtmlProblem.TagNotAllowed, "script"), (HtmlProblem.BareLessThan, "< 2 <b><i>open"),
             (HtmlProblem.Unclosed, "i"), (HtmlProblem.Unclosed, "b")],
            problems.Select(p => (p.Problem, p.Detail)));
    }

    [Theory]
    [InlineData("x</b>", 1)]
    [InlineData("ok <p>", 3)]
    [InlineData("ab <b>open", 3)]
    [InlineData("1 < 2", 2)]
    public void Check_Problem_PointsAtWhereItStarts(string html, int position) =>
        Assert.Equal(position, TelegramHtml.Check(html, TelegramLimits.MessageText).Position);

    [Theory]
    [InlineData("plain", 5)]
    [InlineData("<b>tebal</b>", 5)]
    [InlineData("&lt;<i>a</i>&amp;", 3)]
    [InlineData("&#127881;", 1)]
    [InlineData("<a href=\"https://t.me/a-very-long-address\">x</a>", 1)]
    [InlineData("👍", 2)] // Telegram counts UTF-16 code units
    [InlineData("", 0)]
    public void VisibleLength_TagsAndEntities_CountAsTelegramCounts(string html, int length) =>
        Assert.Equal(length, TelegramHtml.VisibleLength(html));

    [Theory]
    [InlineData(TelegramLimits.Caption, true)]
    [InlineData(TelegramLimits.Caption + 1, false)]
    public void Check_VisibleLengthAgainstTheLimit_TagsDoNotCount(int characters, bool ok)
    {
        var check = TelegramHtml.Check("<b>" + new string('x', characters) + "</b>", TelegramLimits.Caption);
        Assert.Equal(ok ? HtmlProblem.None : HtmlProblem.TooLong, check.Problem);
        Assert.Equal(characters, check.Length);
    }

    [Fact]
    public void Check_SourceLongerThanItsColumn_IsTooLong()
    {
        var check = TelegramHtml.Check("<b></b>" + new string('x', 10), 100, maxSourceLength: 12);
        Assert.Equal((HtmlProblem.TooLong, "12"), (check.Problem, check.Detail));
    }

    [Theory]
    [InlineData("<b>a</b> <script>x</script> 1 &lt; 2 &", "<b>a</b> &lt;script&gt;x&lt;/script&gt; 1 &lt; 2 &amp;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<a href=\"https://x.test/?a=1&amp;b=&quot;\">l</a>",
        "<a href=\"https://x.test/?a=1&amp;b=&quot;\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">l</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">l</a>", "<span class=\"tg-link\">l</span>")]
    [InlineData("<b>open", "<b>open</b>")]
    [InlineData("<tg-spoiler>r</tg-spoiler> <span class=\"tg-spoiler\">s</span>", "<span class=\"tg-spoiler\">r</span> <span class=\"tg-spoiler\">s</span>")]
    [InlineData("<tg-emoji emoji-id=\"1\">👍</tg-emoji> 🎉 é", "<span class=\"tg-emoji\">👍</span> 🎉 é")]
    public void Preview_AnyText_KeepsOnlyTelegramsTagsAndEscapesTheRest(string html, string preview) =>
        Assert.Equal(preview, TelegramHtml.Preview(html));

    [Theory]
    [InlineData("pendek", 10, "pendek")]
    [InlineData("<b>0123456789</b>", 6, "<b>01234…</b>")]
    [InlineData("ab&amp;cdef", 4, "ab&amp;…")]
    [InlineData("ab&amp;cdef", 3, "ab…")]
    [InlineData("<a href=\"https://t.me/x\">link text</a> tail", 5, "<a href=\"https://t.me/x\">link…</a>")]
    [InlineData("a👍bc", 3, "a…")]
    [InlineData("<b>x</b><i>yyyy</i>", 3, "<b>x</b><i>y…</i>")]
    public void Truncate_TooLong_CutsBetweenTagsAndEntitiesAndClosesWhatIsOpen(string html, int max, string expected) =>
        Assert.Equal(expected, TelegramHtml.Truncate(html, max));

    [Theory]
    [InlineData("📎 <b>Bukti SNK</b> #1\n🧾 <code>INV-1</code> · A &amp; B\n<blockquote>teks &lt;panjang&gt; 👍</blockquote>")]
    [InlineData("<pre><code class=\"language-txt\">k1 &amp; k2\nk3</code></pre><tg-spoiler>rahasia</tg-spoiler>")]
    public void Truncate_EveryLimit_StaysValidAndWithinTheLimit(string html)
    {
        Assert.True(TelegramHtml.Check(html, TelegramLimits.MessageText).Ok);
        for (var max = 1; max <= TelegramHtml.VisibleLength(html); max++)
        {
            var cut = TelegramHtml.Truncate(html, max);
            var check = TelegramHtml.Check(cut, max);
            Assert.True(check.Ok || check.Problem == HtmlProblem.Empty, $"max {max}: {check.Problem} {check.Detail} in {cut}");
            Assert.True(check.Length <= max, $"max {max}: {check.Length} visible in {cut}");
        }
    }
}
