namespace BotAutoOrder.Domain.Stock;

public enum StockItemStatus
{
    Available,
    Reserved,
    Sold,
    /// <summary>Sold, then swapped for a fresh item under warranty (the order keeps it for the record; it is not delivered
    /// again).</summary>
    Replaced,
    /// <summary>The content an unlimited product delivers: never reserved itself; each unit sold is a copy of it (ADR-021).</summary>
    Unlimited,
}
