using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>Revenue and number of paid orders per store-time day (the home page's chart and KPIs).</summary>
public static class DailyRevenue
{
    public sealed record Day(DateOnly Date, long Revenue, int Paid);

    /// <summary>
    /// The last <paramref name="days"/> store days up to today, oldest first. One grouped query
    /// (<c>GROUP BY</c> the paid time shifted to store time) instead of one query per day; on PostgreSQL it is an
    /// index-only scan of the partial index <c>ix_orders_paid_total</c> (paid orders' PaidAtUtc, including Total).
    /// A zone with daylight saving time gets one grouped query per stretch of equal UTC offset, and the days with a
    /// clock change are summed one by one (their hours do not map to dates by one offset).
    /// </summary>
    public static async Task<IReadOnlyList<Day>> LastDaysAsync(AppDbContext db, StoreTime time, int days, CancellationToken ct)
    {
        var today = time.Today;
        var found = new Dictionary<DateOnly, (long Revenue, int Paid)>();
        var first = today.AddDays(-(days - 1));
        var runStart = first;
        TimeSpan? runOffset = null;
        for (var d = first; d <= today.AddDays(1); d = d.AddDays(1))
        {
            var offset = d <= today ? UniformOffset(time, d) : null;
            if (runOffset is { } current && offset != current)
            {
                await AddGroupedAsync(db, time, runStart, d, current, found, ct);
                runOffset = null;
            }
            if (d > today) break;
            if (offset is null)
            {
                found[d] = await SumDayAsync(db, time, d, ct);
                continue;
            }
            if (runOffset is null) (runStart, runOffset) = (d, offset);
        }
        var result = new List<Day>(days);
        for (var d = first; d <= today; d = d.AddDays(1))
            result.Add(found.TryGetValue(d, out var v) ? new Day(d, v.Revenue, v.Paid) : new Day(d, 0, 0));
        return result;
    }

    /// <summary>The day's UTC offset, or null when the clock changes during it.</summary>
    private static TimeSpan? UniformOffset(StoreTime time, DateOnly day)
    {
        var (from, to) = (time.StartOfDayUtc(day), time.StartOfDayUtc(day.AddDays(1)));
        var offset = time.ToLocal(from) - from;
        return to - from == TimeSpan.FromDays(1) && time.ToLocal(to.AddTicks(-1)) - to.AddTicks(-1) == offset ? offset : null;
    }

    private static async Task AddGroupedAsync(AppDbContext db, StoreTime time, DateOnly from, DateOnly toExclusive, TimeSpan offset,
        Dictionary<DateOnly, (long, int)> found, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (time.StartOfDayUtc(from), time.StartOfDayUtc(toExclusive));
        var minutes = offset.TotalMinutes;
        var rows = await Paid(db, fromUtc, toUtc)
            .GroupBy(o => o.PaidAtUtc!.Value.AddMinutes(minutes).Date)
            .Select(g => new { Date = g.Key, Revenue = g.Sum(o => o.Total), Paid = g.Count() })
            .ToListAsync(ct);
        foreach (var r in rows) found[DateOnly.FromDateTime(r.Date)] = (r.Revenue, r.Paid);
    }

    private static async Task<(long, int)> SumDayAsync(AppDbContext db, StoreTime time, DateOnly day, CancellationToken ct)
    {
        var paid = Paid(db, time.StartOfDayUtc(day), time.StartOfDayUtc(day.AddDays(1)));
        return (await paid.SumAsync(o => o.Total, ct), await paid.CountAsync(ct));
    }

    private static IQueryable<Order> Paid(AppDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Orders.Where(o => o.Status == OrderStatus.Paid && o.PaidAtUtc >= fromUtc && o.PaidAtUtc < toUtc);
}
