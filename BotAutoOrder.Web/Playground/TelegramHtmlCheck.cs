using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// Telegram's HTML parse-mode check, so the playground rejects what Telegram would reject (400 "can't parse entities")
/// instead of hiding an escaping bug until production: only the allowed tags, properly nested and closed.
/// </summary>
public static partial class TelegramHtmlCheck
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji",
    };

    /// <summary>Null when Telegram would accept <paramref name="html"/>, else the reason as Telegram words it.</summary>
    public static string? Validate(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var offset = Encoding.UTF8.GetByteCount(html.AsSpan(0, i));
            var end = html.IndexOf('>', i);
            if (end < 0) return $"Unclosed start tag at byte offset {offset}";
            var tag = html[(i + 1)..end];
            var closing = tag.StartsWith('/');
            var name = new string((closing ? tag[1..] : tag).TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
            if (closing)
            {
                if (open.Count == 0 || !open.Peek().Equals(name, StringComparison.OrdinalIgnoreCase))
                    return $"Unexpected end tag at byte offset {offset}";
                open.Pop();
            }
            else
            {
                if (name.Length == 0 || !Allowed.Contains(name)) return $"Unsupported start tag \"{tag.Split(' ')[0]}\" at byte offset {offset}";
                if (name.Equals("span", StringComparison.OrdinalIgnoreCase) && !tag.Contains("tg-spoiler", StringComparison.Ordinal))
                    return $"Unsupported start tag \"span\" at byte offset {offset}";
                open.Push(name);
            }
            i = end + 1;
        }
        return open.Count > 0 ? $"Can't find end tag corresponding to start tag \"{open.Peek()}\"" : null;
    }

    /// <summary>The length Telegram limits (4096 for text, 1024 for captions): the text after tags and entities are parsed.</summary>
    public static int VisibleLength(string text, bool html) => html ? WebUtility.HtmlDecode(Tag().Replace(text, "")).Length : text.Length;
}
