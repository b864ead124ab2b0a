namespace BotAutoOrder.Domain.Catalog;

/// <summary>One page of a list, with what is needed to draw "previous / next".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageIndex, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => PageIndex > 0;
    public bool HasNext => PageIndex + 1 < PageCount;
}
