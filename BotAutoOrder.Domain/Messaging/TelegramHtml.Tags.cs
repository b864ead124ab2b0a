using System.Net;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Domain.Messaging;

// Telegram's whitelist of tags, attributes and entities, kept apart from the parser that walks the text (TelegramHtml.cs):
// when Telegram accepts a new tag, this is the one file to change.
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Plain = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "pre", "tg-spoiler"];
    private static readonly HashSet<string> Entities = ["lt", "gt", "amp", "quot"];

    private static bool IsAllowed(string tag) => Plain.Contains(tag) || tag is "a" or "span" or "code" or "blockquote" or "tg-emoji";

    private static HtmlCheck? CheckAttributes(string tag, IReadOnlyDictionary<string, string> attributes)
    {
        bool Only(params string[] names) => attributes.Keys.All(names.Contains);
        var ok = tag switch
        {
            "a" => Only("href") && attributes.TryGetValue("href", out var href) && href.Length > 0,
            "span" => Only("class") && attributes.GetValueOrDefault("class") == "tg-spoiler",
            "code" => Only("class") && (!attributes.TryGetValue("class", out var lang) || LanguagePattern().IsMatch(lang)),
            "blockquote" => Only("expandable"),
            "tg-emoji" => Only("emoji-id") && attributes.TryGetValue("emoji-id", out var id) && id.All(char.IsAsciiDigit) && id.Length > 0,
            _ => attributes.Count == 0,
        };
        return ok ? null : new HtmlCheck(HtmlProblem.BadAttribute, tag);
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in AttributePattern().Matches(text))
            result[m.Groups[1].Value.ToLowerInvariant()] =
                WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value
                : m.Groups[4].Value);
        return result;
    }

    private static (string Open, string Close) Render(string tag, IReadOnlyDictionary<string, string> attributes) => tag switch
    {
        "a" when SafeLink(attributes["href"]) =>
            ($"<a href=\"{Escape(attributes["href"])}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">", "</a>"),
        "a" => ("<span class=\"tg-link\">", "</span>"),
        "span" or "tg-spoiler" => ("<span class=\"tg-spoiler\">", "</span>"),
        "tg-emoji" => ("<span class=\"tg-emoji\">", "</span>"),
        "code" when attributes.TryGetValue("class", out var lang) => ($"<code class=\"{Escape(lang)}\">", "</code>"),
        _ => ($"<{tag}>", $"</{tag}>"),
    };

    /// <summary>
    /// Escapes text for the dashboard page. Not <see cref="WebUtility.HtmlEncode(string)"/>: fed one character at a time, it
    /// turns each half of an emoji's surrogate pair into U+FFFD.
    /// </summary>
    private static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    private static string Escape(char c) => c switch
    {
        '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString(),
    };

    private static bool SafeLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" or "mailto";

    private static string Excerpt(string html, int at) => html.Substring(at, Math.Min(20, html.Length - at));

    [GeneratedRegex(@"&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});")]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"^<(/)?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'>]+))?)*)\s*(/)?>$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"([^\s=/>]+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s""'>]+)))?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"^language-[A-Za-z0-9_+#.-]{1,40}$")]
    private static partial Regex LanguagePattern();
}
