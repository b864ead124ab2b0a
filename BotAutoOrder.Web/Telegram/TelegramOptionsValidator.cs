using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Fails the start with a message naming the key when the Telegram configuration cannot work.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
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
            if (!Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var pub) || pub.Scheme != "https")
                errors.Add("Telegram:PublicUrl must be the app's public https root in Webhook mode.");
        }
        else if (!string.IsNullOrWhiteSpace(o.WebhookSecret) && !SecretPattern().IsMatch(o.WebhookSecret))
        {
            errors.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -.");
        }
        foreach (var (key, value) in new[] { ("Telegram:AdminIds", o.AdminIds), ("Telegram:OwnerIds", o.OwnerIds) })
        {
            try { TelegramOptions.ParseIds(value); }
            catch (FormatException e) { errors.Add($"{key}: {e.Message} Use comma-separated numeric ids."); }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
