using System.Security.Cryptography;
using System.Text;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// The only place stock content is encrypted or decrypted (invariant 9: the stock is never stored or backed up in
/// plain text). AES-256-GCM with a random 12-byte nonce per item; the key id is the associated data, so a ciphertext
/// cannot be passed off as another key's. The current key seals; previous keys (during a rotation) only open.
/// The host loads the keys once at start-up (<see cref="Load"/>) after checking them against the database.
/// </summary>
public sealed class StockCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private Ring? _ring;

    private sealed record Ring(StockKey Current, IReadOnlyDictionary<string, StockKey> All);

    public bool IsLoaded => _ring is not null;
    public string CurrentKeyId => Keys.Current.Id;
    public IReadOnlyCollection<string> KnownKeyIds => Keys.All.Keys.ToList();

    public void Load(StockKey current, IEnumerable<StockKey> previous)
    {
        var all = previous.Where(k => k.Id != current.Id).DistinctBy(k => k.Id).ToDictionary(k => k.Id);
        all[current.Id] = current;
        _ring = new Ring(current, all);
    }

    public bool Knows(string keyId) => Keys.All.ContainsKey(keyId);

    /// <summary>Encrypts trimmed content under the current key.</summary>
    public SealedStock Seal(string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        var key = Keys.Current;
        var plain = Encoding.UTF8.GetBytes(content.Trim());
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), StockKey.Utf8(key.Id));
        return new SealedStock(Convert.ToBase64String(output), key.Id, Fingerprint(key, content));
    }

    /// <summary>Decrypts a stored item. A row without a key id is a plain row from before encryption (migrated at start-up).</summary>
    public string Open(string stored, string? keyId)
    {
        if (keyId is null) return stored;
        if (!Keys.All.TryGetValue(keyId, out var key))
            throw new StockKeyException($"A stock item is encrypted with key {keyId}, which is not configured: set Stock:EncryptionKey (or Stock:PreviousEncryptionKey while rotating).");
        var bytes = Convert.FromBase64String(stored);
        if (bytes.Length < NonceSize + TagSize) throw new StockKeyException($"A stock item sealed with key {keyId} is damaged.");
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.EncryptionKey, TagSize);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plain,
                StockKey.Utf8(keyId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new StockKeyException($"A stock item does not decrypt with key {keyId}: the data was changed or Stock:EncryptionKey is wrong.");
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The duplicate-finding hash under the current key.</summary>
    public string Fingerprint(string content) => Fingerprint(Keys.Current, content);

    /// <summary>The hash under every loaded key: while a rotation runs, an item may still carry an old key's hash.</summary>
    public IReadOnlyList<string> Fingerprints(string content) => Keys.All.Values.Select(k => Fingerprint(k, content)).ToList();

    private static string Fingerprint(StockKey key, string content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.FingerprintKey, Encoding.UTF8.GetBytes(content.Trim())));

    private Ring Keys => _ring
        ?? throw new StockKeyException("The stock key is not loaded: check Stock:EncryptionKey (the host loads it at start-up).");
}
