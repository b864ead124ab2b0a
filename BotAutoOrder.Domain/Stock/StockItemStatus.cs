namespace BotAutoOrder.Domain.Stock;

public enum StockItemStatus
{
    Available,
    Reserved,
    Sold,
}
