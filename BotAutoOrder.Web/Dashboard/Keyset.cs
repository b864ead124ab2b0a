using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Keyset ("seek") paging for the long, newest-first lists (orders, buyers, audit). The pager's links carry the key of
/// the last row shown (<c>after</c>) or the first (<c>before</c>), so every page costs what the first page costs — an
/// index range read of <see cref="Size"/> + 1 rows — instead of reading and discarding an OFFSET, and a link keeps
/// meaning the same rows when new ones are inserted at the top between page loads (no row skipped or repeated).
/// A bare <c>?page=N</c> (an old bookmark; the pager never writes one) still works, by offset.
/// </summary>
public sealed record Keyset(int Page, int Size, PageCursor? After, PageCursor? Before)
{
    /// <summary>Reads the query string; null when a cursor is malformed (or both are given).</summary>
    public static Keyset? From(int? page, string? after, string? before, bool timed, int size = Paging.DefaultSize)
    {
        var label = Math.Max(1, page ?? 1);
        if (after is not null && before is not null) return null;
        if (after is not null) return PageCursor.TryParse(after, timed, out var a) ? new Keyset(label, size, a, null) : null;
        if (before is not null) return PageCursor.TryParse(before, timed, out var b) ? new Keyset(label, size, null, b) : null;
        return new Keyset(label, size, null, null);
    }

    /// <summary>A page above the cursor is read oldest-first (nearest rows first) and turned round.</summary>
    public bool Backward => Before is not null;

    private PageCursor? Cursor => After ?? Before;

    /// <summary>Rows strictly past the cursor in reading order, for a list ordered by (<paramref name="at"/>, <paramref name="id"/>)
    /// descending.</summary>
    public IQueryable<T> Seek<T>(IQueryable<T> query, Expression<Func<T, DateTime>> at, Expression<Func<T, long>> id)
    {
        if (Cursor is not { At: { } cursorAt, Id: var cursorId }) return query;
        var row = at.Parameters[0];
        var atX = at.Body;
        var idX = ReplacingExpressionVisitor.Replace(id.Parameters[0], row, id.Body);
        Expression atV = Parameter(cursorAt), idV = Parameter(cursorId);
        // at < A OR (at = A AND id < I), plus the redundant at <= A so the database reads an index range.
        var past = Backward
            ? Expression.AndAlso(Expression.GreaterThanOrEqual(atX, atV),
                Expression.OrElse(Expression.GreaterThan(atX, atV),
                    Expression.AndAlso(Expression.Equal(atX, atV), Expression.GreaterThan(idX, idV))))
            : Expression.AndAlso(Expression.LessThanOrEqual(atX, atV),
                Expression.OrElse(Expression.LessThan(atX, atV),
                    Expression.AndAlso(Expression.Equal(atX, atV), Expression.LessThan(idX, idV))));
        return query.Where(Expression.Lambda<Func<T, bool>>(past, row));
    }

    /// <summary>Rows strictly past the cursor, for a list ordered by <paramref name="id"/> descending.</summary>
    public IQueryable<T> Seek<T>(IQueryable<T> query, Expression<Func<T, long>> id)
    {
        if (Cursor is not { Id: var cursorId }) return query;
        var past = Backward ? Expression.GreaterThan(id.Body, Parameter(cursorId)) : Expression.LessThan(id.Body, Parameter(cursorId));
        return query.Where(Expression.Lambda<Func<T, bool>>(past, id.Parameters[0]));
    }

    /// <summary>
    /// Reads one page from <paramref name="ordered"/> (newest first, or oldest first when <see cref="Backward"/>),
    /// already narrowed by <c>Seek</c>; <paramref name="key"/> gives a row's cursor for the links.
    /// </summary>
    public async Task<PageOf<T>> ApplyAsync<T>(IQueryable<T> ordered, Func<T, PageCursor> key, CancellationToken ct)
    {
        var offset = Cursor is null ? (Page - 1) * Size : 0;
        var rows = await ordered.Skip(offset).Take(Size + 1).ToListAsync(ct);
        var more = rows.Count > Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (Backward) rows.Reverse();
        if (rows.Count == 0) return new PageOf<T>(rows, Page, false) { HasPrevious = Page > 1 };
        return new PageOf<T>(rows, Page, Backward || more)
        {
            HasPrevious = Backward ? more : Cursor is not null || Page > 1,
            PreviousCursor = key(rows[0]).ToString(),
            NextCursor = key(rows[^1]).ToString(),
        };
    }

    /// <summary>A closure member, so EF Core sends the value as a query parameter (one cached plan for every page).</summary>
    private static Expression Parameter<TValue>(TValue value)
    {
        Expression<Func<TValue>> read = () => value;
        return read.Body;
    }
}
