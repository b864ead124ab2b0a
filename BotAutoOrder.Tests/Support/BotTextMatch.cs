using System.Text.RegularExpressions;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// Bot assertions against the catalog instead of its wording: a call "shows" a template when its text or caption contains
/// the template as <see cref="BotTexts"/> renders it — the given placeholder values formatted and escaped the same way,
/// any placeholder not given matching whatever the bot put there. A copy edit in <see cref="BotTextCatalog"/> then
/// changes no test. (Default texts only: a test that saves a dashboard override asserts on its own words.)
/// </summary>
public static class BotTextMatch
{
    /// <summary>True when the call's text shows <paramref name="template"/> in Indonesian with these values.</summary>
    public static bool Shows(this BotApiCall call, TextTemplate template, params (string Name, object? Value)[] values) =>
        call.ShowsIn(BotTexts.Indonesian, template, values);

    public static bool Shows(this string? text, TextTemplate template, params (string Name, object? Value)[] values) =>
        text is not null && Pattern(BotTexts.Indonesian, template, values).IsMatch(text);

    public static bool ShowsIn(this BotApiCall call, string language, TextTemplate template, params (string Name, object? Value)[] values) =>
        call.Text is { } text && Pattern(language, template, values).IsMatch(text);

    /// <summary>Every call to <paramref name="chatId"/> (any method) that shows the template.</summary>
    public static IReadOnlyList<BotApiCall> Sent(this BotApiDouble bot, long chatId, TextTemplate template, params (string Name, object? Value)[] values) =>
        bot.Calls.Where(c => c.ChatId == chatId && c.Shows(template, values)).ToList();

    /// <summary>Polls until a call to <paramref name="chatId"/> shows the template (optionally of one Bot API method).</summary>
    public static Task<BotApiCall> WaitForSentAsync(this BotApiDouble bot, long chatId, TextTemplate template,
        params (string Name, object? Value)[] values) =>
        bot.WaitForAsync(c => c.ChatId == chatId && c.Shows(template, values), what: template.Key);

    public static Task<BotApiCall> WaitForSentAsync(this BotApiDouble bot, string method, long chatId, TextTemplate template,
        params (string Name, object? Value)[] values) =>
        bot.WaitForAsync(c => c.Method == method && c.ChatId == chatId && c.Shows(template, values), what: $"{method} {template.Key}");

    /// <summary>Asserts that <paramref name="call"/> shows the template, printing both on failure.</summary>
    public static void AssertShows(this BotApiCall call, TextTemplate template, params (string Name, object? Value)[] values) =>
        Assert.True(call.Shows(template, values), $"Expected {template.Key} ({Pattern(BotTexts.Indonesian, template, values)}) in: {call.Text}");

    /// <summary>The template rendered as the bot renders it; placeholders not given stay as <c>{name}</c>.</summary>
    public static string Render(this TextTemplate template, string language, params (string Name, object? Value)[] values) =>
        BotTexts.Fill(template.For(language), values);

    private static Regex Pattern(string language, TextTemplate template, (string Name, object? Value)[] values)
    {
        var text = template.For(language);
        var pattern = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match m in Regex.Matches(text, @"\{([a-z_]+)\}"))
        {
            pattern.Append(Regex.Escape(text[at..m.Index]));
            var given = values.Where(v => v.Name == m.Groups[1].Value).ToList();
            pattern.Append(given.Count > 0 ? Regex.Escape(BotTexts.Fill(m.Value, given)) : "(?s:.*?)");
            at = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(text[at..]));
        return new Regex(pattern.ToString());
    }
}
