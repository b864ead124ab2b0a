namespace BotAutoOrder.Web.Telegram.Texts;

/// <summary>A buyer-facing text: Indonesian and English defaults with named <c>{placeholders}</c>.</summary>
public sealed record TextTemplate(string Key, string Indonesian, string English, string Description, params string[] Placeholders)
{
    public string For(string language) => language == BotTexts.English ? English : Indonesian;
}
