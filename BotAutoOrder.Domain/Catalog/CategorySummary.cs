namespace BotAutoOrder.Domain.Catalog;

public sealed record CategorySummary(long Id, string Name, int ProductCount);
