namespace BotAutoOrder.Domain.Settings;

/// <summary>An admin's edit of a buyer-facing template, per language; deleting it resets to the default.</summary>
public class BotTextOverride
{
    private BotTextOverride() { }

    public BotTextOverride(string key, string language, string text, DateTime nowUtc)
    {
        Key = key;
        Language = language;
        Set(text, nowUtc);
    }

    public string Key { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public void Set(string text, DateTime nowUtc)
    {
        Text = text;
        UpdatedAtUtc = nowUtc;
    }
}
