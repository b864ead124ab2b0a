using System.Net;
using System.Text;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// Telegram's HTML parse mode, written once (ADR-018) for bot texts, broadcasts, the playground emulator and the dashboard:
/// checks a text before anything is sent (only Telegram's tags, balanced, no bare <c>&lt;</c>, only its named entities),
/// measures the visible length as Telegram counts it, renders a safe dashboard preview (allowed tags rebuilt from scratch,
/// everything else escaped) and shortens a text without cutting through a tag or an entity.
/// </summary>
/// <remarks>
/// A bare <c>&amp;</c> or <c>&gt;</c> is accepted as text, as Telegram does; a bare <c>&lt;</c> makes Telegram refuse the
/// whole message, so it is a problem here. One type in three files: the parser here, Telegram's whitelist in
/// <c>TelegramHtml.Tags.cs</c>, shortening in <c>TelegramHtml.Truncate.cs</c>.
/// </remarks>
public static partial class TelegramHtml
{
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
}
