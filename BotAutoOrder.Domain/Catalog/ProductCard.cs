namespace BotAutoOrder.Domain.Catalog;

/// <summary>A product as a buyer sees it in a list or detail: current price and live stock.</summary>
public sealed record ProductCard(
    long Id,
    string Code,
    string Name,
    long CategoryId,
    string CategoryName,
    long Price,
    string? Description,
    int? PerOrderLimit,
    bool HasTerms,
    int Available,
    int Sold,
    bool IsUnlimited = false,
    double? AverageRating = null,
    int Reviews = 0)
{
    /// <summary>Warranty days shown on the card (0 = none).</summary>
    public int WarrantyDays { get; init; }

    /// <summary>An unlimited product (ADR-021) reports <see cref="Stock.StockService.UnlimitedCount"/> and is never sold out.</summary>
    public bool IsSoldOut => Available <= 0;

    /// <summary>The most one order may take now: stock, bounded by the per-order limit.</summary>
    public int MaxPerOrder => PerOrderLimit is { } limit ? Math.Min(limit, Available) : Available;
}
