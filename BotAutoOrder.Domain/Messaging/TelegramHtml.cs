using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// Telegram's HTML parse mode, written once (ADR-018) for bot texts, broadcasts, the playground emulator and the dashboard:
/// checks a text before anything is sent (only Telegram's tags, balanced, no bare <c>&lt;</c>, only its named entities),
/// measures the visible length as Telegram counts it, renders a safe dashboard preview (allowed tags rebuilt from scratch,
/// everything else escaped) and shortens a text without cutting through a tag or an entity.
/// </summary>
/// <remarks>
/// A bare <c>&amp;</c> or <c>&gt;</c> is accepted as text, as Telegram does; a bare <c>&lt;</c> makes Telegram refuse the
/// whole message, so it is a problem here.
/// </remarks>
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Plain = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "pre", "tg-spoiler"];
    private static readonly HashSet<string> Entities = ["lt", "gt", "amp", "quot"];

    /// <summary>
    /// Checks <paramref name="html"/> against Telegram's whitelist and <paramref name="maxLength"/> visible characters
    /// (<see cref="TelegramLimits"/>); <paramref name="maxSourceLength"/> bounds the raw text where it is stored in a column.
    /// </summary>
    public static HtmlCheck Check(string? html, int maxLength, int maxSourceLength = int.MaxValue) =>
        Parse(html ?? "", maxLength, maxSourceLength, null);

    /// <summary>Every place where Telegram would refuse <paramref name="html"/> (the dashboard lists them all), in order.</summary>
    public static IReadOnlyList<HtmlCheck> Problems(string? html)
    {
        var all = new List<HtmlCheck>();
        Parse(html ?? "", int.MaxValue, int.MaxValue, null, all);
        return all;
    }

    /// <summary>The length Telegram holds against <see cref="TelegramLimits"/>: the text after tags and entities are parsed.</summary>
    public static int VisibleLength(string? html) => Parse(html ?? "", int.MaxValue, int.MaxValue, null).Length;

    /// <summary>Dashboard HTML for a preview (safe to emit raw): allowed tags only, all other text escaped, newlines kept.</summary>
    public static string Preview(string? html)
    {
        var output = new StringBuilder();
        Parse(html ?? "", int.MaxValue, int.MaxValue, output);
        return output.ToString();
    }

    private static HtmlCheck Parse(string html, int maxLength, int maxSourceLength, StringBuilder? output, List<HtmlCheck>? all = null)
    {
        HtmlCheck Note(HtmlCheck? first, HtmlCheck found)
        {
            all?.Add(found);
            return first ?? found;
        }

        var open = new Stack<(string Name, string Close, int At)>(); // the Telegram tag, its dashboard closing tag, where it opened
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
                        problem = Note(problem, new HtmlCheck(HtmlProblem.UnknownEntity, "&" + name + ";") { Position = i });
                    output?.Append(Escape(WebUtility.HtmlDecode(entity.Value)));
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
                output?.Append(Escape(c));
                length++;
                i++;
                continue;
            }
            var end = html.IndexOf('>', i);
            var tag = end < 0 ? null : TagPattern().Match(html[i..(end + 1)]);
            if (tag is null || !tag.Success)
            {
                problem = Note(problem, new HtmlCheck(HtmlProblem.BareLessThan, Excerpt(html, i)) { Position = i });
                output?.Append("&lt;");
                length++;
                i++;
                continue;
            }
            var raw = html[i..(end + 1)];
            var at = i;
            i = end + 1;
            var closing = tag.Groups[1].Success;
            var tagName = tag.Groups[2].Value.ToLowerInvariant();
            var attributes = Attributes(tag.Groups[3].Value);
            var selfClosing = tag.Groups[4].Success;
            if (!IsAllowed(tagName))
            {
                problem = Note(problem, new HtmlCheck(HtmlProblem.TagNotAllowed, tagName) { Position = at });
                output?.Append(Escape(raw));
                length += raw.Length;
                continue;
            }
            if (closing)
            {
                if (open.Count == 0 || open.Peek().Name != tagName)
                {
                    problem = Note(problem, new HtmlCheck(HtmlProblem.UnexpectedClose, tagName) { Position = at });
                    output?.Append(Escape(raw));
                    continue;
                }
                var closed = open.Pop();
                output?.Append(closed.Close);
                continue;
            }
            var attributeProblem = CheckAttributes(tagName, attributes);
            if (attributeProblem is not null || selfClosing)
            {
                problem = Note(problem, (attributeProblem ?? new HtmlCheck(HtmlProblem.Unclosed, tagName)) with { Position = at });
                output?.Append(Escape(raw));
                continue;
            }
            var (openTag, closeTag) = Render(tagName, attributes);
            open.Push((tagName, closeTag, at));
            output?.Append(openTag);
        }
        while (open.TryPop(out var unclosed)) // (not inside ?. — that would skip the pop)
        {
            problem = Note(problem, new HtmlCheck(HtmlProblem.Unclosed, unclosed.Name) { Position = unclosed.At });
            output?.Append(unclosed.Close);
        }
        if (problem is not null) return problem with { Length = length };
        if (length == 0 || html.Trim().Length == 0) return new HtmlCheck(HtmlProblem.Empty, null, length);
        if (length > maxLength || html.Length > maxSourceLength)
        {
            var limit = length > maxLength ? maxLength : maxSourceLength;
            return new HtmlCheck(HtmlProblem.TooLong, limit.ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        }
        return new HtmlCheck(HtmlProblem.None, null, length);
    }

    /// <summary>
    /// <paramref name="html"/> cut to at most <paramref name="maxLength"/> visible characters, <paramref name="ellipsis"/>
    /// included: never inside a tag, an entity or a surrogate pair, and every tag still open is closed, so a text that passed
    /// <see cref="Check"/> still passes it. A text that fits is returned as it is.
    /// </summary>
    public static string Truncate(string html, int maxLength, string ellipsis = "…")
    {
        if (VisibleLength(html) <= maxLength) return html;
        var budget = Math.Max(0, maxLength - ellipsis.Length);
        var output = new StringBuilder();
        var open = new Stack<string>();
        var length = 0;
        var i = 0;
        while (i < html.Length)
        {
            var end = html[i] == '<' ? html.IndexOf('>', i) : -1;
            var tag = end < 0 ? null : TagPattern().Match(html[i..(end + 1)]);
            if (tag is { Success: true } && IsAllowed(tag.Groups[2].Value.ToLowerInvariant()))
            {
                var name = tag.Groups[2].Value.ToLowerInvariant();
                if (!tag.Groups[1].Success) open.Push(name);
                else if (open.Count > 0 && open.Peek() == name) open.Pop();
                output.Append(html, i, end + 1 - i);
                i = end + 1;
                continue;
            }
            var entity = html[i] == '&' ? EntityPattern().Match(html, i) : null;
            var size = entity is { Success: true } && entity.Index == i ? entity.Length
                : char.IsHighSurrogate(html[i]) && i + 1 < html.Length ? 2 : 1;
            var visible = size == 2 && entity is null ? 2 : 1;
            if (length + visible > budget) break;
            output.Append(html, i, size);
            length += visible;
            i += size;
        }
        output.Append(ellipsis);
        while (open.TryPop(out var name)) output.Append("</").Append(name).Append('>');
        return output.ToString();
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
