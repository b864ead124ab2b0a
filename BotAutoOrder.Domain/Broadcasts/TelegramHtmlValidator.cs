using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>
/// Checks admin-written HTML against Telegram's HTML parse mode before anything is sent (only its tags, balanced, no bare
/// <c>&lt;</c>, only its named entities), measures the visible length as Telegram counts it, and renders a safe dashboard
/// preview: allowed tags rebuilt from scratch, everything else escaped.
/// </summary>
public static partial class TelegramHtmlValidator
{
    private static readonly HashSet<string> Plain = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "pre", "tg-spoiler"];
    private static readonly HashSet<string> Entities = ["lt", "gt", "amp", "quot"];

    public static HtmlCheck Check(string? html, int maxLength) => Parse(html ?? "", maxLength, null);

    /// <summary>Dashboard HTML for a preview (safe to emit raw): allowed tags only, all other text escaped, newlines kept.</summary>
    public static string Preview(string? html)
    {
        var output = new StringBuilder();
        Parse(html ?? "", int.MaxValue, output);
        return output.ToString();
    }

    private static HtmlCheck Parse(string html, int maxLength, StringBuilder? output)
    {
        var open = new Stack<(string Name, string Close)>(); // the Telegram tag and its dashboard closing tag
        HtmlCheck? problem = null;
        var length = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                var entity = EntityPattern().Match(html, i);
                if (entity.Success && entity.Index == i)
                {
                    var name = entity.Groups[1].Value;
                    if (name[0] != '#' && !Entities.Contains(name))
                        problem ??= new HtmlCheck(HtmlProblem.UnknownEntity, "&" + name + ";");
                    output?.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(entity.Value)));
                    length++;
                    i += entity.Length;
                    continue;
                }
                output?.Append("&amp;");
                length++;
                i++;
                continue;
            }
            if (c != '<')
            {
                output?.Append(WebUtility.HtmlEncode(c.ToString()));
                length++;
                i++;
                continue;
            }
            var end = html.IndexOf('>', i);
            var tag = end < 0 ? null : TagPattern().Match(html[i..(end + 1)]);
            if (tag is null || !tag.Success)
            {
                problem ??= new HtmlCheck(HtmlProblem.BareLessThan, Excerpt(html, i));
                output?.Append("&lt;");
                length++;
                i++;
                continue;
            }
            var raw = html[i..(end + 1)];
            i = end + 1;
            var closing = tag.Groups[1].Success;
            var tagName = tag.Groups[2].Value.ToLowerInvariant();
            var attributes = Attributes(tag.Groups[3].Value);
            var selfClosing = tag.Groups[4].Success;
            if (!IsAllowed(tagName))
            {
                problem ??= new HtmlCheck(HtmlProblem.TagNotAllowed, tagName);
                output?.Append(WebUtility.HtmlEncode(raw));
                length += raw.Length;
                continue;
            }
            if (closing)
            {
                if (open.Count == 0 || open.Peek().Name != tagName)
                {
                    problem ??= new HtmlCheck(HtmlProblem.UnexpectedClose, tagName);
                    output?.Append(WebUtility.HtmlEncode(raw));
                    continue;
                }
                var closed = open.Pop();
                output?.Append(closed.Close);
                continue;
            }
            var attributeProblem = CheckAttributes(tagName, attributes);
            if (attributeProblem is not null || selfClosing)
            {
                problem ??= attributeProblem ?? new HtmlCheck(HtmlProblem.Unclosed, tagName);
                output?.Append(WebUtility.HtmlEncode(raw));
                continue;
            }
            var (openTag, closeTag) = Render(tagName, attributes);
            open.Push((tagName, closeTag));
            output?.Append(openTag);
        }
        if (open.Count > 0) problem ??= new HtmlCheck(HtmlProblem.Unclosed, open.Peek().Name);
        while (open.TryPop(out var unclosed)) output?.Append(unclosed.Close); // (not inside ?. — that would skip the pop)
        if (problem is not null) return problem with { Length = length };
        if (length == 0 || html.Trim().Length == 0) return new HtmlCheck(HtmlProblem.Empty, null, length);
        if (length > maxLength || html.Length > Broadcast.MaxHtmlLength)
            return new HtmlCheck(HtmlProblem.TooLong, (length > maxLength ? maxLength : Broadcast.MaxHtmlLength).ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        return new HtmlCheck(HtmlProblem.None, null, length);
    }

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
            result[m.Groups[1].Value.ToLowerInvariant()] = WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value);
        return result;
    }

    private static (string Open, string Close) Render(string tag, IReadOnlyDictionary<string, string> attributes) => tag switch
    {
        "a" when SafeLink(attributes["href"]) =>
            ($"<a href=\"{WebUtility.HtmlEncode(attributes["href"])}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">", "</a>"),
        "a" => ("<span class=\"tg-link\">", "</span>"),
        "span" or "tg-spoiler" => ("<span class=\"tg-spoiler\">", "</span>"),
        "tg-emoji" => ("<span class=\"tg-emoji\">", "</span>"),
        "code" when attributes.TryGetValue("class", out var lang) => ($"<code class=\"{WebUtility.HtmlEncode(lang)}\">", "</code>"),
        _ => ($"<{tag}>", $"</{tag}>"),
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
