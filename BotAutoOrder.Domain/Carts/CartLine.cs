namespace BotAutoOrder.Domain.Carts;

public class CartLine
{
    private CartLine() { }

    internal CartLine(long productId, int quantity)
    {
        ProductId = productId;
        SetQuantity(quantity);
    }

    public long Id { get; private set; }
    public long CartId { get; private set; }
    public long ProductId { get; private set; }
    public int Quantity { get; private set; }

    internal void SetQuantity(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Quantity = quantity;
    }
}
