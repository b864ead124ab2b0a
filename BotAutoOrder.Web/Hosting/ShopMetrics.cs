using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Prometheus;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// The shop's own metrics, all named <c>botautoorder_…</c>, read from the database when <c>/metrics</c> is scraped, so
/// every instance reports the same truth (use <c>max()</c> across instances in PromQL). Each app gets its own registry,
/// served after the default one (HTTP and runtime metrics). Labels are bounded: products are the active ones, capped
/// at <see cref="MaxProducts"/>; outbox kinds are the fixed set of message kinds.
/// </summary>
public sealed class ShopMetrics
{
    public const int MaxProducts = 100;
    private readonly IServiceProvider _services;
    private readonly Counter _ordersPaid;
    private readonly Counter _revenue;
    private readonly Gauge _stockAvailable;
    private readonly Gauge _outboxBacklog;
    private readonly Gauge _outboxOldest;
    private readonly Gauge _reconciliationOpen;

    public ShopMetrics(IServiceProvider services)
    {
        _services = services;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _ordersPaid = factory.CreateCounter("botautoorder_orders_paid_total", "Orders paid (all time).");
        _revenue = factory.CreateCounter("botautoorder_revenue_rupiah_total", "Revenue of paid orders in Rupiah (all time).");
        _stockAvailable = factory.CreateGauge("botautoorder_stock_available", "Stock items available (not reserved or sold) per active product.",
            new GaugeConfiguration { LabelNames = ["product"] });
        _outboxBacklog = factory.CreateGauge("botautoorder_outbox_backlog", "Outbox messages waiting to be sent, per kind.",
            new GaugeConfiguration { LabelNames = ["kind"] });
        _outboxOldest = factory.CreateGauge("botautoorder_outbox_oldest_age_seconds", "Age of the oldest outbox message waiting to be sent.");
        _reconciliationOpen = factory.CreateGauge("botautoorder_reconciliation_open", "Reconciliation items (payment issues) not yet resolved.");
        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    public CollectorRegistry Registry { get; }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var paid = db.Orders.Where(o => o.PaidAtUtc != null);
        _ordersPaid.IncTo(await paid.CountAsync(ct));
        _revenue.IncTo(await paid.SumAsync(o => (long?)o.Total, ct) ?? 0);

        var stock = await db.Products.Where(p => p.IsActive).OrderBy(p => p.Code).Take(MaxProducts)
            .Select(p => new { p.Code, Available = db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available) })
            .ToListAsync(ct);
        foreach (var label in _stockAvailable.GetAllLabelValues().Select(l => l[0]).Except(stock.Select(s => s.Code)).ToList())
            _stockAvailable.RemoveLabelled(label);
        foreach (var s in stock) _stockAvailable.WithLabels(s.Code).Set(s.Available);

        var pending = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending);
        var backlog = await pending.GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var label in _outboxBacklog.GetAllLabelValues().Select(l => l[0]).ToList()) _outboxBacklog.WithLabels(label).Set(0);
        foreach (var b in backlog) _outboxBacklog.WithLabels(b.Key).Set(b.Count);
        var oldest = await pending.MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        _outboxOldest.Set(oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds));

        _reconciliationOpen.Set(await db.PaymentIssues.CountAsync(i => i.ResolvedAtUtc == null, ct));
    }
}
