namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// What adding stock lines did: <see cref="Added"/> new items; <see cref="Duplicates"/> lines rejected because the same
/// content appeared earlier in the upload or is already stocked for the product; <see cref="TooLong"/> lines over
/// <see cref="StockImportService.MaxItemLength"/> characters. Blank lines are ignored and not counted.
/// </summary>
public sealed record StockImportResult(bool ProductFound, int Added, int Duplicates, int TooLong);
