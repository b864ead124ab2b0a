namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Offset paging without a COUNT (cheap on large tables): one more row than the page is fetched to know whether a
/// next page exists. Queries must be ordered by an indexed key.
/// </summary>
public sealed record Paging(int Page, int Size)
{
    public const int DefaultSize = 25;

    public static Paging From(int? page, int size = DefaultSize) => new(Math.Max(1, page ?? 1), size);

    public int Skip => (Page - 1) * Size;

    /// <summary>Takes one page from <paramref name="query"/>; <see cref="PageOf{T}.HasNext"/> says whether more follow.</summary>
    public async Task<PageOf<T>> ApplyAsync<T>(IQueryable<T> query, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip(Skip).Take(Size + 1), ct);
        var hasNext = rows.Count > Size;
        if (hasNext) rows.RemoveAt(rows.Count - 1);
        return new PageOf<T>(rows, Page, hasNext);
    }
}

/// <summary>What the pager partial needs to know about any page.</summary>
public interface IPageInfo
{
    int Page { get; }
    bool HasNext { get; }
    bool HasPrevious { get; }
    /// <summary>Keyset pages (<see cref="Keyset"/>): the first row's key, for the "previous" link.</summary>
    string? PreviousCursor { get; }
    /// <summary>Keyset pages: the last row's key, for the "next" link.</summary>
    string? NextCursor { get; }
}

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, bool HasNext) : IPageInfo
{
    public static PageOf<T> Empty { get; } = new([], 1, false);
    public bool HasPrevious { get; init; } = Page > 1;
    public string? PreviousCursor { get; init; }
    public string? NextCursor { get; init; }
}
