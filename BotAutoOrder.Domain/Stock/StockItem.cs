using System.Security.Cryptography;
using System.Text;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// One unit of a product: a line of text (account, code, key). Status moves
/// Available → Reserved (by an order) → Sold (to that order), or back to Available when a reservation is released.
/// Transitions happen through conditional updates in the services, never read-then-write.
/// </summary>
public class StockItem
{
    private StockItem() { }

    public StockItem(long productId, string content, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ProductId = productId;
        Content = content.Trim();
        ContentHash = HashOf(Content);
        Status = StockItemStatus.Available;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long ProductId { get; private set; }
    public string Content { get; private set; } = "";
    /// <summary>SHA-256 of the content (hex); unique per product so the same item is never stocked twice.</summary>
    public string ContentHash { get; private set; } = "";
    public StockItemStatus Status { get; private set; }
    /// <summary>The order holding (Reserved) or owning (Sold) this item.</summary>
    public long? OrderId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReservedAtUtc { get; private set; }
    public DateTime? SoldAtUtc { get; private set; }

    public static string HashOf(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.Trim())));

    /// <summary>For display in the dashboard: first and last characters only.</summary>
    public static string Mask(string content)
    {
        // At most two characters of the content ever show (first and last, only when it is long enough that they
        // give away little): a masked key or password must not be guessable from what the dashboard lists.
        if (content.Length < 8) return new string('•', Math.Max(1, content.Length));
        return content[0] + new string('•', Math.Min(12, content.Length - 2)) + content[^1];
    }
}
