using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The bot-text editor's check and preview (through Domain.Messaging.TelegramHtml): only Telegram's tags survive, everything
/// else is inert, and what Telegram would refuse is an error in the dashboard's words.
/// </summary>
public sealed class TelegramHtmlTests
{
    private static readonly TextTemplate Any = BotTextEditor.Templates[0];

    [Fact]
    public void Validate_SupportedTags_RenderedInThePreview()
    {
        var result = BotTextEditor.Validate(Any,
            "<b>a</b> <i>b</i> <code>c</code> <tg-spoiler>d</tg-spoiler> <span class=\"tg-spoiler\">e</span> <tg-emoji emoji-id=\"1\">👍</tg-emoji> &amp; &lt;3");
        Assert.Empty(result.Errors);
        Assert.Equal("<b>a</b> <i>b</i> <code>c</code> <span class=\"tg-spoiler\">d</span> <span class=\"tg-spoiler\">e</span> " +
                     "<span class=\"tg-emoji\">👍</span> &amp; &lt;3", result.PreviewHtml);
    }

    [Fact]
    public void Validate_DefaultCatalog_HasNoErrors()
    {
        foreach (var t in BotTextEditor.Templates)
            foreach (var text in new[] { t.Indonesian, t.English })
            {
                var errors = BotTextEditor.Validate(t, text).Errors;
                Assert.True(errors.Count == 0, $"{t.Key}: {string.Join("; ", errors.Select(e => string.Format(e.Key, e.Args)))}");
            }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "it does not support the tag <script>.")]
    [InlineData("<b>open", "<b> is never closed.")]
    [InlineData("<b><i>x</b></i>", "</b> does not close an open <b>.")]
    [InlineData("1 < 2", "a bare < must be written &lt;.")]
    [InlineData("a &nbsp; b", "the entity &nbsp; is not supported.")]
    [InlineData("<b onclick=\"x()\">y</b>", "<b> has an attribute it does not accept.")]
    [InlineData("<a>y</a>", "a link needs exactly one href attribute.")]
    public void Validate_WhatTelegramWouldRefuse_IsAnErrorAndNothingIsLive(string text, string error)
    {
        var result = BotTextEditor.Validate(Any, text);
        Assert.Contains("Telegram would refuse this message: " + error, result.Errors.Select(e => string.Format(e.Key, e.Args)));
        Assert.DoesNotContain("<script", result.PreviewHtml);
        Assert.DoesNotContain("onclick=\"", result.PreviewHtml);
    }

    [Fact]
    public void Validate_JavascriptLink_IsNotClickable()
    {
        var result = BotTextEditor.Validate(Any, "<a href=\"javascript:alert(1)\">x</a> <a href='https://ok.test/?a=1&amp;b=\"2\"'>y</a>");
        Assert.DoesNotContain("javascript:", result.PreviewHtml);
        Assert.DoesNotContain("b=\"2", result.PreviewHtml);
        Assert.Contains("<span class=\"tg-link\">x</span>", result.PreviewHtml);
    }
}
