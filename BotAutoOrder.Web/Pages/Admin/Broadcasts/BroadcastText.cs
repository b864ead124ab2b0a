using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Dashboard;

namespace BotAutoOrder.Web.Pages.Admin.Broadcasts;

/// <summary>The dashboard's words for why a broadcast was refused.</summary>
public static class BroadcastText
{
    public static string Explain(UiText t, BroadcastResult result) => result.Outcome switch
    {
        BroadcastOutcome.InvalidText when result.Text is { } check => Explain(t, check),
        BroadcastOutcome.PhotoTooLarge => t["The photo is larger than 10 MB."],
        BroadcastOutcome.PhotoNotImage => t["The photo must be a JPEG or PNG image."],
        BroadcastOutcome.NotFound => t["Broadcast not found."],
        BroadcastOutcome.WrongState => t["This broadcast cannot do that in its current state."],
        _ => result.Outcome.ToString(),
    };

    public static string Explain(UiText t, HtmlCheck check) => check.Problem switch
    {
        HtmlProblem.None => "",
        HtmlProblem.Empty => t["Write a message."],
        HtmlProblem.TooLong => t["The text is too long: {0} characters, at most {1}.", check.Length, check.Detail ?? ""],
        HtmlProblem.TagNotAllowed =>
            t["Telegram does not allow the tag <{0}>. Allowed: b, i, u, s, a href, code, pre, blockquote, tg-spoiler, tg-emoji.",
            check.Detail ?? ""],
        HtmlProblem.BadAttribute => t["The tag <{0}> has an attribute Telegram does not accept.", check.Detail ?? ""],
        HtmlProblem.Unclosed => t["The tag <{0}> is not closed.", check.Detail ?? ""],
        HtmlProblem.UnexpectedClose => t["The closing tag </{0}> does not match an open tag.", check.Detail ?? ""],
        HtmlProblem.BareLessThan => t["Write a < that is not a tag as &lt; (near \"{0}\").", check.Detail ?? ""],
        HtmlProblem.UnknownEntity => t["Telegram only knows &lt; &gt; &amp; &quot; and numeric entities, not {0}.", check.Detail ?? ""],
        _ => check.Problem.ToString(),
    };
}
