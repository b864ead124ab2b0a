using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Fails the start with a message naming the key when the Telegram configuration cannot work.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    /// <summary>Telegram sends the secret with every update; a short one can be guessed by anyone who finds the URL.</summary>
    public const int MinWebhookSecretLength = 24;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();

    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var errors = new List<string>();
        var mode = o.EffectiveMode;
        if (mode != TelegramMode.Playground && string.IsNullOrWhiteSpace(o.BotToken))
            errors.Add($"Telegram:BotToken is required in {mode} mode.");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
            errors.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL.");
        if (mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(o.WebhookSecret))
                errors.Add("Telegram:WebhookSecret is required in Webhook mode (1-256 characters A-Z a-z 0-9 _ -).");
            else if (!SecretPattern().IsMatch(o.WebhookSecret))
                errors.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -.");
            else if (o.WebhookSecret.Length < MinWebhookSecretLength)
                errors.Add($"Telegram:WebhookSecret must be at least {MinWebhookSecretLength} characters in Webhook mode (a random string, e.g. `openssl rand -hex 16`).");
            if (!Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var pub) || pub.Scheme != "https")
                errors.Add("Telegram:PublicUrl must be the app's public https root in Webhook mode.");
        }
        else if (!string.IsNullOrWhiteSpace(o.WebhookSecret) && !SecretPattern().IsMatch(o.WebhookSecret))
        {
            errors.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -.");
        }
        if (mode == TelegramMode.Playground)
        {
            // Playground is for a machine without a bot: any sign of a real deployment means a mistake, not a demo.
            if (!string.IsNullOrWhiteSpace(o.BotToken))
                errors.Add("Telegram:Mode is Playground but Telegram:BotToken is set: remove Telegram:Mode (or the token).");
            if (!string.IsNullOrWhiteSpace(o.PublicUrl))
                errors.Add("Telegram:PublicUrl is set but Telegram:BotToken is empty: a public shop does not run in Playground mode. Set " +
                    "Telegram:BotToken (or remove Telegram:PublicUrl).");
            if (!string.IsNullOrWhiteSpace(o.WebhookSecret))
                errors.Add("Telegram:WebhookSecret is set but Telegram:BotToken is empty: a public shop does not run in Playground mode. " +
                    "Set Telegram:BotToken (or remove Telegram:WebhookSecret).");
        }
        foreach (var (key, value) in new[] { ("Telegram:AdminIds", o.AdminIds), ("Telegram:OwnerIds", o.OwnerIds) })
        {
            try { TelegramOptions.ParseIds(value); }
            catch (FormatException e) { errors.Add($"{key}: {e.Message} Use comma-separated numeric ids."); }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
