namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// One unit of a product: a line of text (account, code, key). Status moves
/// Available → Reserved (by an order) → Sold (to that order), or back to Available when a reservation is released.
/// Transitions happen through conditional updates in the services, never read-then-write.
/// The text itself is only ever held encrypted (<see cref="StockCipher"/>): read it with <c>cipher.Open(Ciphertext, KeyId)</c>.
/// </summary>
public class StockItem
{
    private StockItem() { }

    public StockItem(long productId, SealedStock content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        ProductId = productId;
        Ciphertext = content.Ciphertext;
        KeyId = content.KeyId;
        ContentHash = content.Fingerprint;
        Status = StockItemStatus.Available;
        CreatedAtUtc = nowUtc;
    }

    /// <summary>The template of an unlimited product: the content every buyer gets (copied into one row per unit sold).</summary>
    public static StockItem UnlimitedTemplate(long productId, SealedStock content, DateTime nowUtc) =>
        new(productId, content, nowUtc) { Status = StockItemStatus.Unlimited };

    public long Id { get; private set; }
    public long ProductId { get; private set; }
    /// <summary>The content sealed by <see cref="StockCipher"/> (stored in the <c>Content</c> column).</summary>
    public string Ciphertext { get; private set; } = "";
    /// <summary>The key that sealed <see cref="Ciphertext"/>; null only for a plain row written before encryption existed.</summary>
    public string? KeyId { get; private set; }
    /// <summary>
    /// HMAC-SHA256 of the content under the key (hex); unique per product so the same item is never stocked twice,
    /// without a plain hash that a word list could reverse.
    /// </summary>
    public string ContentHash { get; private set; } = "";
    public StockItemStatus Status { get; private set; }
    /// <summary>The order holding (Reserved) or owning (Sold) this item.</summary>
    public long? OrderId { get; private set; }
    /// <summary>
    /// A copy of an unlimited product's template made for one order unit: released copies are deleted (not made
    /// available), and its <see cref="ContentHash"/> is a random marker, since every copy has the same content.
    /// </summary>
    public bool IsCopy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReservedAtUtc { get; private set; }
    public DateTime? SoldAtUtc { get; private set; }

    /// <summary>For display in the dashboard: first and last characters only.</summary>
    public static string Mask(string content)
    {
        // At most two characters of the content ever show (first and last, only when it is long enough that they
        // give away little): a masked key or password must not be guessable from what the dashboard lists.
        if (content.Length < 8) return new string('•', Math.Max(1, content.Length));
        return content[0] + new string('•', Math.Min(12, content.Length - 2)) + content[^1];
    }
}
