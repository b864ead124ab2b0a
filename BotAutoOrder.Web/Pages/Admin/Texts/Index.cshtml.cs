using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Web.Pages.Admin.Texts;

/// <summary>Every buyer-facing template with its current Indonesian and English text and whether an admin changed it.</summary>
public sealed class IndexModel(BotTextEditor editor) : AdminPageModel
{
    public IReadOnlyList<TextTemplate> Templates => BotTextEditor.Templates;
    public IReadOnlyDictionary<(string Key, string Language), string> Overrides { get; private set; } = new Dictionary<(string, string),
        string>();

    public async Task OnGetAsync() => Overrides = await editor.OverridesAsync(Aborted);

    public string Current(TextTemplate t, string language) => Overrides.TryGetValue((t.Key, language), out var text) ? text
        : t.For(language);

    public bool IsOverridden(TextTemplate t, string language) => Overrides.ContainsKey((t.Key, language));
}
