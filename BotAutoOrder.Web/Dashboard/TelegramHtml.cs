using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Checks a text against Telegram's HTML parse mode and renders a safe dashboard preview of it. Only the tags Telegram
/// supports are kept (b, strong, i, em, u, ins, s, strike, del, code, pre, a href, blockquote, tg-spoiler); anything
/// else is shown escaped. A tag Telegram would reject (unknown, unclosed, crossed) is an error: Telegram refuses the
/// whole message.
/// </summary>
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Allowed = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "blockquote", "tg-spoiler"];

    [GeneratedRegex("""<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);|[<>&]""")]
    private static partial Regex Token();

    [GeneratedRegex("""^\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')$""")]
    private static partial Regex Href();

    /// <summary><see cref="Problems"/> are <see cref="UiText"/> keys with their arguments; <see cref="Errors"/> the same in English.</summary>
    public sealed record Result(string PreviewHtml, IReadOnlyList<(string Key, object[] Args)> Problems)
    {
        public IReadOnlyList<string> Errors => Problems.Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Key, p.Args)).ToList();
    }

    private const string Refused = "Telegram would refuse this message: ";

    /// <summary>Validates <paramref name="text"/> (already filled) and returns a preview that is safe to insert into a page.</summary>
    public static Result Check(string text)
    {
        var errors = new List<(string Key, object[] Args)>();
        var open = new Stack<string>();
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in Token().Matches(text))
        {
            html.Append(Text(text[at..m.Index]));
            at = m.Index + m.Length;
            if (m.Value.StartsWith('&'))
            {
                if (m.Length == 1) errors.Add((Refused + "a bare {0} must be written {1}.", ["&", "&amp;"]));
                else if (m.Value is not ("&lt;" or "&gt;" or "&amp;" or "&quot;") && !m.Value.StartsWith("&#", StringComparison.Ordinal))
                    errors.Add((Refused + "the entity {0} is not supported.", [m.Value]));
                html.Append(m.Length == 1 ? "&amp;" : Text(WebUtility.HtmlDecode(m.Value)));
                continue;
            }
            if (m.Length == 1)
            {
                errors.Add((Refused + "a bare {0} must be written {1}.", [m.Value, m.Value == "<" ? "&lt;" : "&gt;"]));
                html.Append(Text(m.Value));
                continue;
            }
            var (closing, name, attributes) = (m.Groups[1].Value == "/", m.Groups[2].Value.ToLowerInvariant(), m.Groups[3].Value);
            if (!Allowed.Contains(name))
            {
                errors.Add((Refused + "it does not support the tag <{0}>.", [name]));
                html.Append(Text(m.Value));
                continue;
            }
            if (closing)
            {
                if (open.Count == 0 || open.Peek() != name)
                {
                    errors.Add((Refused + "</{0}> does not close an open <{0}>.", [name]));
                    html.Append(Text(m.Value));
                    continue;
                }
                open.Pop();
                html.Append(name == "tg-spoiler" ? "</span>" : $"</{name}>");
                continue;
            }
            var href = Href().Match(attributes);
            if (name == "a" ? !href.Success : attributes.Length > 0)
            {
                errors.Add(name == "a" ? (Refused + "a link needs exactly one href attribute.", []) : (Refused + "<{0}> takes no attributes.", [name]));
                html.Append(Text(m.Value));
                continue;
            }
            open.Push(name);
            html.Append(name switch
            {
                "tg-spoiler" => "<span class=\"tg-spoiler\">",
                "a" => $"<a href=\"{SafeHref(WebUtility.HtmlDecode(href.Groups[1].Success ? href.Groups[1].Value : href.Groups[2].Value))}\" rel=\"nofollow noopener\">",
                _ => $"<{name}>",
            });
        }
        html.Append(Text(text[at..]));
        while (open.Count > 0)
        {
            var name = open.Pop();
            errors.Add((Refused + "<{0}> is never closed.", [name]));
            html.Append(name == "tg-spoiler" ? "</span>" : $"</{name}>");
        }
        return new Result(html.ToString(), errors.DistinctBy(e => e.Key + "|" + string.Join("|", e.Args)).ToList());
    }

    /// <summary>Escapes text for the dashboard page (emoji and other characters kept as they are).</summary>
    private static string Text(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    private static string SafeHref(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" ? Text(uri.ToString()) : "#";
}
