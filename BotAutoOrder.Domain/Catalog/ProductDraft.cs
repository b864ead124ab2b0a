namespace BotAutoOrder.Domain.Catalog;

/// <summary>A product as the admin typed it (unchecked). The code is ignored when editing: it is fixed once created.</summary>
public sealed record ProductDraft(string? Code, string? Name, long? CategoryId, long? Price, string? Description, int? PerOrderLimit,
    string? TermsText, int? LowStockThreshold, bool IsActive)
{
    /// <summary>Warranty period in days (0 = none); null (an older form without the field) keeps the stored value.</summary>
    public int? WarrantyDays { get; init; }
}
