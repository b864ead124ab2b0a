using System.Net;

namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>Text that is already Telegram HTML and must be inserted as it is.</summary>
public readonly record struct TgHtml(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Escaping for Telegram's HTML parse mode: only <c>&lt; &gt; &amp;</c> (and quotes inside attributes).</summary>
public static class Html
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>For an attribute value such as <c>href</c>.</summary>
    public static string EscapeAttribute(string? text) => WebUtility.HtmlEncode(text ?? "");
}
