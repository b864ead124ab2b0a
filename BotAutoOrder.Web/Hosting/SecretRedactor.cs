using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// Replaces secrets in every logged string property: the configured tokens and keys by value, and anything shaped
/// like a bot token (<c>123456:AA…</c>) or an <c>api_key=</c> query parameter by pattern.
/// </summary>
public sealed partial class SecretRedactor(IEnumerable<string> secrets) : ILogEventEnricher
{
    public const string Mask = "***";
    private readonly string[] _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 6).Distinct().ToArray();

    [GeneratedRegex(@"(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}")]
    private static partial Regex BotTokenPattern();

    [GeneratedRegex(@"(api_key=)[^&\s""]+", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyQueryPattern();

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = BotTokenPattern().Replace(text, Mask);
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
