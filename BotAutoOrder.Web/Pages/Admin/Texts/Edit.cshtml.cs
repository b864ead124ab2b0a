using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Texts;

/// <summary>One template, per language: edit with placeholder and Telegram-HTML checks, preview, save, reset to default.</summary>
public sealed class EditModel(BotTextEditor editor) : AdminPageModel
{
    public sealed class TextInput
    {
        public string? Text { get; set; }
    }

    [BindProperty] public TextInput Input { get; set; } = new();
    public TextTemplate Template { get; private set; } = null!;
    public IReadOnlyDictionary<string, (string Text, bool Overridden, BotTextEditor.Check Check)> Languages { get; private set; } =
        new Dictionary<string, (string, bool, BotTextEditor.Check)>();

    public async Task<IActionResult> OnGetAsync(string key) => await LoadAsync(key) ? Page() : NotFound();

    /// <summary>Shows the preview and the checks of the submitted text without saving (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string key, string lang) => await LoadAsync(key, lang) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string key, string lang)
    {
        if (!await LoadAsync(key, lang)) return NotFound();
        var check = Languages[lang].Check;
        if (check.Errors.Count > 0) return Page();
        await editor.SaveAsync(Template, lang, Input.Text!, Actor, Aborted);
        var warnings = string.Join(" ", check.Warnings.Select(w => T[w.Key, w.Args].Value));
        return Done(T["Text {0} ({1}) saved.", key, lang] + (warnings.Length > 0 ? " " + T["Warning:"] + " " + warnings : ""), new { key });
    }

    public async Task<IActionResult> OnPostResetAsync(string key, string lang)
    {
        var template = BotTextEditor.Find(key);
        if (template is null || !BotTextEditor.Languages.Contains(lang)) return NotFound();
        await editor.ResetAsync(template, lang, Actor, Aborted);
        return Done(T["Text {0} ({1}) reset to the default.", key, lang], new { key });
    }

    /// <summary>Loads every language's current text; <paramref name="posted"/> shows the submitted text instead.</summary>
    private async Task<bool> LoadAsync(string key, string? posted = null)
    {
        var template = BotTextEditor.Find(key);
        if (template is null || (posted is not null && !BotTextEditor.Languages.Contains(posted))) return false;
        Template = template;
        var overrides = await editor.OverridesAsync(Aborted);
        Languages = BotTextEditor.Languages.ToDictionary(l => l, l =>
        {
            var overridden = overrides.TryGetValue((key, l), out var custom);
            var text = l == posted ? (Input.Text ?? "").Replace("\r\n", "\n") : custom ?? template.For(l);
            if (l == posted) Input.Text = text;
            return (text, overridden, BotTextEditor.Validate(template, text));
        });
        return true;
    }
}
