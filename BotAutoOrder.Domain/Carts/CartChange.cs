namespace BotAutoOrder.Domain.Carts;

public enum CartChangeOutcome
{
    Updated,
    /// <summary>The product is gone, hidden or sold out.</summary>
    ProductUnavailable,
    /// <summary>Asked for more than the stock or the per-order limit; <see cref="CartChange.Max"/> says how many fit.</summary>
    TooMany,
}

public sealed record CartChange(CartChangeOutcome Outcome, int Quantity, int Max);
