namespace BotAutoOrder.Domain.Stock;

public enum StockItemStatus
{
    Available,
    Reserved,
    Sold,
    /// <summary>The content an unlimited product delivers: never reserved itself; each unit sold is a copy of it (ADR-021).</summary>
    Unlimited,
}
