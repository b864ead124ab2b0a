using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// Replaces secrets in every logged string property: the configured tokens and keys by value, and anything shaped
/// like a bot token (<c>123456:AA…</c>), an <c>api_key=</c> query parameter or a connection string's password by pattern.
/// Every configured secret is covered whatever its length (a short secret is a weak one, not a public one); longer
/// secrets are replaced first so a short one inside a long one cannot leave the rest visible.
/// </summary>
public sealed partial class SecretRedactor(IEnumerable<string> secrets) : ILogEventEnricher
{
    public const string Mask = "***";
    private readonly string[] _secrets =
        secrets.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().OrderByDescending(s => s.Length).ToArray();

    [GeneratedRegex(@"(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}")]
    private static partial Regex BotTokenPattern();

    [GeneratedRegex(@"(api_key=)[^&\s""]+", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyQueryPattern();

    [GeneratedRegex(@"((?:Password|Pwd)\s*=\s*)[^;""\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPasswordPattern();

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = BotTokenPattern().Replace(text, Mask);
        text = ConnectionPasswordPattern().Replace(text, "$1" + Mask);
        return ApiKeyQueryPattern().Replace(text, "$1" + Mask);
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: string s })
            {
                var redacted = Redact(s);
                if (!ReferenceEquals(redacted, s) && redacted != s)
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }
}
