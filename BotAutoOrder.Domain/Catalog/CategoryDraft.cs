namespace BotAutoOrder.Domain.Catalog;

/// <summary>A category as the admin typed it (unchecked).</summary>
public sealed record CategoryDraft(string? Name, int SortOrder, bool IsActive);
