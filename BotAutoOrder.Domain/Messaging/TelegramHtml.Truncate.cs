using System.Text;

namespace BotAutoOrder.Domain.Messaging;

// Shortening is not parsing: it walks the text once more, keeping every tag and entity whole and closing what it left
// open, so a text that passed the checker still passes it after the cut.
public static partial class TelegramHtml
{
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
}
