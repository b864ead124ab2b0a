namespace BotAutoOrder.Domain.Carts;

/// <summary>A buyer's cart, stored so it survives restarts. Prices are never stored here: they are re-read at checkout.</summary>
public class Cart
{
    private readonly List<CartLine> _lines = [];

    private Cart() { }

    public Cart(long customerId, DateTime nowUtc)
    {
        CustomerId = customerId;
        UpdatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long? VoucherId { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<CartLine> Lines => _lines;

    /// <summary>Sets the quantity of a product (0 removes the line).</summary>
    public void SetQuantity(long productId, int quantity, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (quantity == 0)
        {
            if (line is not null) _lines.Remove(line);
        }
        else if (line is null)
        {
            _lines.Add(new CartLine(productId, quantity));
        }
        else
        {
            line.SetQuantity(quantity);
        }
        UpdatedAtUtc = nowUtc;
    }

    public void Clear(DateTime nowUtc)
    {
        _lines.Clear();
        VoucherId = null;
        UpdatedAtUtc = nowUtc;
    }

    public void ApplyVoucher(long? voucherId, DateTime nowUtc)
    {
        VoucherId = voucherId;
        UpdatedAtUtc = nowUtc;
    }
}
