namespace BotAutoOrder.Domain.Catalog;

/// <summary>The live figures on the /start greeting.</summary>
public sealed record StoreStats(int ProductsAvailable, int CompletedOrders, int Buyers);
