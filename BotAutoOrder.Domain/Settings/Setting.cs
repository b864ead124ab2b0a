namespace BotAutoOrder.Domain.Settings;

/// <summary>A shop rule editable in the dashboard (key/value); defaults come from <c>Shop:*</c> configuration.</summary>
public class Setting
{
    private Setting() { }

    public Setting(string key, string value, DateTime nowUtc)
    {
        Key = key;
        Set(value, nowUtc);
    }

    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public void Set(string value, DateTime nowUtc)
    {
        Value = value;
        UpdatedAtUtc = nowUtc;
    }
}
