using BotAutoOrder.Web.Telegram;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Fails the start when the Pakasir configuration cannot work — and when it would give goods away: a real bot
/// (Webhook or Polling) never falls back to the built-in simulator because credentials are missing (a failed secret
/// mount must not make every invoice payable by anyone), and a Live gateway never runs behind the playground.
/// The Telegram mode is read from the raw configuration (binding, not the validated options: no cycle between the two).
/// </summary>
public sealed class PakasirOptionsValidator(IConfiguration config) : IValidateOptions<PakasirOptions>
{
    private static readonly string[] Methods =
    [
        "qris", "bni_va", "bri_va", "cimb_niaga_va", "permata_va", "maybank_va", "bnc_va", "sampoerna_va",
        "atm_bersama_va", "artha_graha_va",
    ];

    public ValidateOptionsResult Validate(string? name, PakasirOptions o)
    {
        var errors = new List<string>();
        if (o.EffectiveMode == PakasirMode.Live)
        {
            if (string.IsNullOrWhiteSpace(o.Project)) errors.Add("Pakasir:Project is required in Live mode.");
            if (string.IsNullOrWhiteSpace(o.ApiKey)) errors.Add("Pakasir:ApiKey is required in Live mode.");
            if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                errors.Add("Pakasir:BaseUrl must be an absolute http(s) URL.");
        }
        var telegram = (config.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new()).EffectiveMode;
        if (o.Mode is null && telegram != TelegramMode.Playground)
        {
            var missing = new[] { ("Pakasir:Project", o.Project), ("Pakasir:ApiKey", o.ApiKey) }
                .Where(k => string.IsNullOrWhiteSpace(k.Item2)).Select(k => k.Item1).ToList();
            if (missing.Count > 0)
                errors.Add($"{string.Join(" and ", missing)} must be set when the bot is real (Telegram mode {telegram}): without " +
                    "them nobody can pay. Set them (Pakasir:Mode=Live), or set Pakasir:Mode=Simulator explicitly for a test shop whose " +
                        "payments are fake.");
        }
        if (telegram == TelegramMode.Playground && o.EffectiveMode == PakasirMode.Live)
            errors.Add("Pakasir runs Live (Pakasir:Project/Pakasir:ApiKey or Pakasir:Mode=Live) but Telegram is in Playground mode " +
                "(no Telegram:BotToken): set Telegram:BotToken, or remove the Pakasir credentials for a playground.");
        if (o.TimeoutSeconds is < 1 or > 120) errors.Add("Pakasir:TimeoutSeconds must be between 1 and 120.");
        if (!Methods.Contains(o.Method)) errors.Add($"Pakasir:Method '{o.Method}' is not a Pakasir method ({string.Join(", ", Methods)}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
