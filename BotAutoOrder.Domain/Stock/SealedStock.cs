namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// A stock item's content as stored: <see cref="Ciphertext"/> (base64 of nonce, tag and AES-GCM ciphertext), the
/// <see cref="KeyId"/> that sealed it and the keyed <see cref="Fingerprint"/> (HMAC-SHA256, hex) that finds duplicates.
/// </summary>
public sealed record SealedStock(string Ciphertext, string KeyId, string Fingerprint);
