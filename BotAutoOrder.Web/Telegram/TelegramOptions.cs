namespace BotAutoOrder.Web.Telegram;

/// <summary><c>Telegram:*</c> from the contract.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    /// <summary>The token the playground's in-process Bot API answers to.</summary>
    public const string PlaygroundToken = "1:playground";

    public string BotToken { get; set; } = "";
    public TelegramMode? Mode { get; set; }
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
    public string WebhookSecret { get; set; } = "";
    public string PublicUrl { get; set; } = "";
    public string AdminIds { get; set; } = "";
    public string OwnerIds { get; set; } = "";
    public string OwnerBotToken { get; set; } = "";

    /// <summary>The mode in force: the configured one, else derived as the contract says.</summary>
    public TelegramMode EffectiveMode => Mode ?? (string.IsNullOrWhiteSpace(BotToken) ? TelegramMode.Playground
        : !string.IsNullOrWhiteSpace(PublicUrl) ? TelegramMode.Webhook : TelegramMode.Polling);

    public string EffectiveToken => EffectiveMode == TelegramMode.Playground ? PlaygroundToken : BotToken;

    public IReadOnlyList<long> AdminIdList => ParseIds(AdminIds);
    public IReadOnlyList<long> OwnerIdList => ParseIds(OwnerIds);

    public string WebhookUrl => PublicUrl.TrimEnd('/') + "/webhooks/telegram";

    internal static IReadOnlyList<long> ParseIds(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? []
        : csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, out var id) ? id : throw new FormatException($"'{s}' is not a Telegram user id."))
            .Distinct().ToArray();
}
