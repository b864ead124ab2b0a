namespace BotAutoOrder.Domain.Catalog;

/// <summary>A row of the catalog CSV that was not written, with its line number in the file (the header is line 1).</summary>
public sealed record CatalogImportError(int Line, string Message);

/// <summary>What a catalog import did: good rows are written, each bad row is reported and nothing from it is written.</summary>
public sealed record CatalogImportResult(int Created, int Updated, int CategoriesCreated, IReadOnlyList<CatalogImportError> Errors);
