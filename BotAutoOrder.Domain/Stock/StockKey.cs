using System.Security.Cryptography;
using System.Text;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// One stock encryption key: 32 random bytes, written as base64 (<c>openssl rand -base64 32</c>). Two sub-keys are
/// derived from it with HKDF so the same bytes never serve two purposes: one for AES-GCM, one for the HMAC that finds
/// duplicates. <see cref="Id"/> is derived too, so a row can say which key sealed it without revealing the key.
/// </summary>
public sealed class StockKey
{
    public const int Size = 32;

    private StockKey(byte[] material)
    {
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, Size, info: "botautoorder/stock/aes-gcm"u8.ToArray());
        FingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, Size, info: "botautoorder/stock/hmac"u8.ToArray());
        var idBytes = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 8, info: "botautoorder/stock/key-id"u8.ToArray());
        Id = Convert.ToHexStringLower(idBytes);
    }

    /// <summary>16 hex characters naming the key (stored beside every ciphertext it made).</summary>
    public string Id { get; }
    internal byte[] EncryptionKey { get; }
    internal byte[] FingerprintKey { get; }

    /// <summary>Parses a base64 key; false (and a reason) when it is not exactly 32 bytes of base64.</summary>
    public static bool TryParse(string? text, out StockKey? key, out string problem)
    {
        key = null;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var length))
        {
            problem = "is not base64";
            return false;
        }
        if (length != Size)
        {
            problem = $"is {length} bytes, expected {Size}";
            return false;
        }
        key = new StockKey(buffer[..length]);
        return true;
    }

    /// <summary>A fresh random key as base64 text.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size));

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
