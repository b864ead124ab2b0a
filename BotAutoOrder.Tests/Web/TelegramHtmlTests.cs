using BotAutoOrder.Web.Dashboard;

namespace BotAutoOrder.Tests.Web;

/// <summary>The bot-text preview: only Telegram's tags survive, everything else is inert, and what Telegram would refuse is an error.</summary>
public sealed class TelegramHtmlTests
{
    [Fact]
    public void SupportedTags_AreRendered_AndTheDefaultCatalogIsValid()
    {
        var result = TelegramHtml.Check("<b>a</b> <i>b</i> <code>c</code> <tg-spoiler>d</tg-spoiler> <a href=\"https://t.me/x\">e</a> &amp; &lt;3");
        Assert.Empty(result.Errors);
        Assert.Equal("<b>a</b> <i>b</i> <code>c</code> <span class=\"tg-spoiler\">d</span> <a href=\"https://t.me/x\" rel=\"nofollow noopener\">e</a> &amp; &lt;3",
            result.PreviewHtml);
        foreach (var t in BotTextEditor.Templates)
            foreach (var text in new[] { t.Indonesian, t.English })
                Assert.True(BotTextEditor.Validate(t, text).Errors.Count == 0, $"{t.Key}: {string.Join("; ", BotTextEditor.Validate(t, text).Errors.Select(e => string.Format(e.Key, e.Args)))}");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "it does not support the tag <script>.")]
    [InlineData("<b>open", "<b> is never closed.")]
    [InlineData("<b><i>x</b></i>", "</b> does not close an open <b>.")]
    [InlineData("1 < 2", "a bare < must be written &lt;.")]
    [InlineData("Tom & Jerry", "a bare & must be written &amp;.")]
    [InlineData("<b onclick=\"x()\">y</b>", "<b> takes no attributes.")]
    public void WhatTelegramWouldRefuse_IsAnError_AndNothingIsLive(string text, string error)
    {
        var result = TelegramHtml.Check(text);
        Assert.NotEmpty(result.Errors);
        Assert.Contains("Telegram would refuse this message: " + error, result.Errors);
        Assert.DoesNotContain("<script", result.PreviewHtml);
        Assert.DoesNotContain("onclick=\"", result.PreviewHtml);
    }

    [Fact]
    public void JavascriptLinks_AreNotClickable()
    {
        var result = TelegramHtml.Check("<a href=\"javascript:alert(1)\">x</a> <a href='https://ok.test/?a=1&amp;b=\"2\"'>y</a>");
        Assert.Contains("<a href=\"#\"", result.PreviewHtml);
        Assert.DoesNotContain("javascript:", result.PreviewHtml);
        Assert.DoesNotContain("b=\"2", result.PreviewHtml);
    }
}
