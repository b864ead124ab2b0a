namespace BotAutoOrder.Domain.Stock;

public enum StockItemStatus
{
    Available,
    Reserved,
    Sold,
    /// <summary>Sold, then swapped for a fresh item under warranty (the order keeps it for the record; it is not delivered again).</summary>
    Replaced,
}
