using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Edits the buyer-facing templates: checks placeholders (unknown → error, a listed one missing → warning) and Telegram
/// HTML (an unsupported or unbalanced tag → error), previews with sample values, saves or resets the override through
/// <see cref="BotTextService"/> (audited there), and drops the bot's cache so the next message uses it.
/// </summary>
public sealed partial class BotTextEditor(BotTextService service, BotTexts texts)
{
    public static readonly string[] Languages = [BotTexts.Indonesian, BotTexts.English];

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Errors (English UI keys with arguments) block saving; warnings are shown but allow it.</summary>
    public sealed record Check(IReadOnlyList<(string Key, object[] Args)> Errors, IReadOnlyList<(string Key, object[] Args)> Warnings,
        string PreviewHtml);

    /// <summary>Every buyer-facing template.</summary>
    public static IReadOnlyList<TextTemplate> Templates => BotTextCatalog.All;

    public static TextTemplate? Find(string? key) => Templates.FirstOrDefault(t => t.Key == key);

    public static Check Validate(TextTemplate template, string text)
    {
        var errors = new List<(string, object[])>();
        var warnings = new List<(string, object[])>();
        var used = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var unknown in used.Except(template.Placeholders))
            errors.Add(("Unknown placeholder {0}; this text may use: {1}.", ["{" + unknown + "}", Listed(template)]));
        foreach (var missing in template.Placeholders.Except(used))
            warnings.Add(("The placeholder {0} is not used; buyers will not see that value.", ["{" + missing + "}"]));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(("Required", []));
        var filled = BotTexts.Fill(text, template.Placeholders.Select(p => (p, (object?)Sample(p))).ToArray());
        var empty = TelegramHtml.Check(filled, int.MaxValue).Problem == HtmlProblem.Empty;
        if (empty && !string.IsNullOrWhiteSpace(text)) errors.Add(("Required", []));
        errors.AddRange(TelegramHtml.Problems(filled).Select(Refusal).DistinctBy(e => e.Key + "|" + string.Join("|", e.Args)));
        return new Check(errors, warnings, TelegramHtml.Preview(filled));
    }

    private const string Refused = "Telegram would refuse this message: ";

    /// <summary>The dashboard's words (a <see cref="UiText"/> key and its arguments) for what Telegram would refuse.</summary>
    public static (string Key, object[] Args) Refusal(HtmlCheck check) => check.Problem switch
    {
        HtmlProblem.TagNotAllowed => (Refused + "it does not support the tag <{0}>.", [check.Detail ?? ""]),
        HtmlProblem.Unclosed => (Refused + "<{0}> is never closed.", [check.Detail ?? ""]),
        HtmlProblem.UnexpectedClose => (Refused + "</{0}> does not close an open <{0}>.", [check.Detail ?? ""]),
        HtmlProblem.BareLessThan => (Refused + "a bare {0} must be written {1}.", ["<", "&lt;"]),
        HtmlProblem.UnknownEntity => (Refused + "the entity {0} is not supported.", [check.Detail ?? ""]),
        HtmlProblem.BadAttribute when check.Detail == "a" => (Refused + "a link needs exactly one href attribute.", []),
        HtmlProblem.BadAttribute => (Refused + "<{0}> has an attribute it does not accept.", [check.Detail ?? ""]),
        _ => (Refused + "{0}.", [check.Problem.ToString()]),
    };

    public static string Listed(TextTemplate template) =>
        template.Placeholders.Length == 0 ? "–" : string.Join(", ", template.Placeholders.Select(p => "{" + p + "}"));

    public Task<IReadOnlyDictionary<(string Key, string Language), string>> OverridesAsync(CancellationToken ct) =>
        service.OverridesAsync(ct);

    /// <summary>Saves the text (a text equal to the default removes the override). The caller validated it.</summary>
    public async Task SaveAsync(TextTemplate template, string language, string text, string actor, CancellationToken ct)
    {
        await service.SaveAsync(template.Key, language, text, template.For(language), actor, ct);
        texts.Invalidate();
    }

    public async Task ResetAsync(TextTemplate template, string language, string actor, CancellationToken ct)
    {
        await service.ResetAsync(template.Key, language, actor, ct);
        texts.Invalidate();
    }

    /// <summary>A plausible value for a placeholder in the preview (escaped like real values).</summary>
    public static object Sample(string placeholder) => placeholder switch
    {
        "name" or "first_name" => "Budi",
        "store" => "Toko Uji",
        "invoice" or "code" => "INV-240101-AB12",
        "username" => "admin_toko",
        "date" or "expires" => "01-01-2025 12:30",
        "quantity" or "count" or "page" or "limit" or "max" or "available" => 2,
        "pages" => 5,
        "products" or "transactions" or "buyers" or "stock" or "sold" => 1234,
        "price" or "total" or "subtotal" or "amount" or "balance" or "fee" or "line_total" or "min" or "discount" => "Rp25.000",
        _ => "[" + placeholder + "]",
    };
}
