using System.Security.Cryptography;
using System.Text;

namespace BotAutoOrder.Web.Security;

/// <summary>Compares a presented secret with the configured one in constant time; an unset or missing secret never matches.</summary>
public static class SharedSecret
{
    public static bool Matches(string? expected, string? given)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(given)) return false;
        // Hash both so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }
}
