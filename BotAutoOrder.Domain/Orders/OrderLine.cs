namespace BotAutoOrder.Domain.Orders;

/// <summary>A product in an order, with the name and price as they were at checkout.</summary>
public class OrderLine
{
    private OrderLine() { }

    internal OrderLine(long productId, string productName, long unitPrice, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        ProductId = productId;
        ProductName = productName;
        UnitPrice = unitPrice;
        Quantity = quantity;
        LineTotal = unitPrice * quantity;
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long ProductId { get; private set; }
    public string ProductName { get; private set; } = "";
    public long UnitPrice { get; private set; }
    public int Quantity { get; private set; }
    public long LineTotal { get; private set; }
}
