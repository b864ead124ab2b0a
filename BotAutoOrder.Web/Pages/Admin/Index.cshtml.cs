using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db, SettingsService settings, StoreTime time) : AdminPageModel
{
    public sealed record Day(DateOnly Date, long Revenue);
    public sealed record LowStock(long Id, string Code, string Name, int Available, int Threshold);

    public IReadOnlyList<Day> Days { get; private set; } = [];
    public long RevenueToday => Days[^1].Revenue;
    public long Revenue7 => Days.TakeLast(7).Sum(d => d.Revenue);
    public long Revenue30 => Days.Sum(d => d.Revenue);
    public int PaidToday { get; private set; }
    public int Paid30 { get; private set; }
    public int NewBuyersToday { get; private set; }
    public int NewBuyers30 { get; private set; }
    public int OpenInvoices { get; private set; }
    public int OpenPaymentIssues { get; private set; }
    public IReadOnlyList<LowStock> LowStockProducts { get; private set; } = [];
    public IReadOnlyList<OrderRow> RecentOrders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = time.Today;
        var paidDays = await DailyRevenue.LastDaysAsync(db, time, 30, Aborted);
        Days = paidDays.Select(d => new Day(d.Date, d.Revenue)).ToList();
        PaidToday = paidDays[^1].Paid;
        Paid30 = paidDays.Sum(d => d.Paid);
        var (todayUtc, since30) = (time.StartOfDayUtc(today), time.StartOfDayUtc(today.AddDays(-29)));
        NewBuyersToday = await db.Customers.CountAsync(c => c.CreatedAtUtc >= todayUtc, Aborted);
        NewBuyers30 = await db.Customers.CountAsync(c => c.CreatedAtUtc >= since30, Aborted);
        OpenInvoices = await db.Orders.CountAsync(o => o.Status == OrderStatus.PendingPayment, Aborted);
        OpenPaymentIssues = await Payments.IssuesModel.OpenCountAsync(db, Aborted);

        var defaultThreshold = (await settings.GetAsync(Aborted)).LowStockThreshold;
        LowStockProducts = await db.Products.Where(p => p.IsActive && !p.IsUnlimited)
            .Select(p => new
            {
                p.Id, p.Code, p.Name,
                Available = db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available),
                Threshold = p.LowStockThreshold ?? defaultThreshold,
            })
            .Where(x => x.Available <= x.Threshold)
            .OrderBy(x => x.Available).ThenBy(x => x.Code).Take(20)
            .Select(x => new LowStock(x.Id, x.Code, x.Name, x.Available, x.Threshold)).ToListAsync(Aborted);
        RecentOrders = await OrderRow.From(db.Orders, db).Take(10).ToListAsync(Aborted);
    }
}
