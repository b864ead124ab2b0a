using System.Security.Cryptography;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Security;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// The one-time code that <c>/setup</c> asks for: random per process, printed in the log at start while no dashboard
/// user exists. Whoever reaches the page first no longer becomes the owner — only whoever can read the server's log.
/// </summary>
public sealed class SetupCode
{
    public string Value { get; } = Format(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));

    /// <summary>Case, spaces and dashes do not matter; compared in constant time.</summary>
    public bool Matches(string? given) => SharedSecret.Matches(Normalize(Value), Normalize(given ?? ""));

    private static string Normalize(string code) => new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Format(string hex) => string.Join('-', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
}
