using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Broadcasts;
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
/// Events that leave no row behind (which path confirmed a payment, gateway call times and errors, payment→delivery
/// time, Telegram 429/403 answers) are counted by this instance when they happen (one-line hooks at the event sites):
/// sum them across instances in PromQL.
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
    private readonly Gauge _outboxLaneBacklog;
    private readonly Gauge _broadcastsRunning;
    private readonly Gauge _broadcastSent;
    private readonly Gauge _broadcastTotal;
    private readonly Counter _confirmations;
    private readonly Histogram _gatewayDuration;
    private readonly Counter _gatewayErrors;
    private readonly Histogram _paymentToDelivery;
    private readonly Counter _telegramRateLimited;
    private readonly Counter _telegramForbidden;
    private readonly TimeProvider _clock;

    /// <summary>The paths that confirm a payment, the label values of <c>botautoorder_payment_confirmations_total</c>.</summary>
    public const string Webhook = "webhook", Poll = "poll", Click = "click", Admin = "admin";

    public ShopMetrics(IServiceProvider services)
    {
        _services = services;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _ordersPaid = factory.CreateCounter("botautoorder_orders_paid_total", "Orders paid (all time).");
        _revenue = factory.CreateCounter("botautoorder_revenue_rupiah_total", "Revenue of paid orders in Rupiah (all time).");
        _stockAvailable =
            factory.CreateGauge("botautoorder_stock_available", "Stock items available (not reserved or sold) per active product.",
            new GaugeConfiguration { LabelNames = ["product"] });
        _outboxBacklog = factory.CreateGauge("botautoorder_outbox_backlog", "Outbox messages waiting to be sent, per kind.",
            new GaugeConfiguration { LabelNames = ["kind"] });
        _outboxOldest =
            factory.CreateGauge("botautoorder_outbox_oldest_age_seconds", "Age of the oldest outbox message waiting to be sent.");
        _reconciliationOpen =
            factory.CreateGauge("botautoorder_reconciliation_open", "Reconciliation items (payment issues) not yet resolved.");
        _outboxLaneBacklog = factory.CreateGauge("botautoorder_outbox_lane_backlog", "Outbox messages waiting to be sent, per send lane.",
            new GaugeConfiguration { LabelNames = ["lane"] });
        _broadcastsRunning = factory.CreateGauge("botautoorder_broadcasts_running", "Broadcasts currently sending.");
        _broadcastSent =
            factory.CreateGauge("botautoorder_broadcast_recipients_sent", "Recipients reached so far by the broadcasts currently sending.");
        _broadcastTotal = factory.CreateGauge("botautoorder_broadcast_recipients_total", "Recipients of the broadcasts currently sending.");
        _confirmations =
            factory.CreateCounter("botautoorder_payment_confirmations_total",
            "Payments confirmed and applied, per path that confirmed them.",
            new CounterConfiguration { LabelNames = ["source"] });
        _gatewayDuration =
            factory.CreateHistogram("botautoorder_gateway_request_duration_seconds",
            "Pakasir API calls (including retries), per operation.",
            new HistogramConfiguration { LabelNames = ["operation"], Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        _gatewayErrors =
            factory.CreateCounter("botautoorder_gateway_errors_total",
            "Pakasir API calls that failed (network, timeout, error status, malformed answer), per operation.",
            new CounterConfiguration { LabelNames = ["operation"] });
        _paymentToDelivery =
            factory.CreateHistogram("botautoorder_payment_to_delivery_seconds",
            "Time from an order's payment to its delivery message being sent.",
            new HistogramConfiguration { Buckets = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900] });
        _telegramRateLimited = factory.CreateCounter("botautoorder_telegram_rate_limited_total", "Bot API answers 429 Too Many Requests.");
        _telegramForbidden =
            factory.CreateCounter("botautoorder_telegram_forbidden_total", "Bot API answers 403 Forbidden (bot blocked, chat gone).");
        foreach (var source in new[] { Webhook, Poll, Click, Admin }) _confirmations.WithLabels(source); // shown at 0 from the start
        _clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    public CollectorRegistry Registry { get; }

    /// <summary>A payment was applied (not a repeat, not refused); <paramref name="actor"/> is the audit actor that asked.</summary>
    public void PaymentConfirmed(string actor) => _confirmations.WithLabels(SourceOf(actor)).Inc();

    /// <summary>The path behind an audit actor: the gateway's webhook, a worker's poll, the buyer's button, or an admin.</summary>
    public static string SourceOf(string actor) =>
        actor == AuditLog.Gateway ? Webhook
        : actor.StartsWith(AuditLog.Job(""), StringComparison.Ordinal) ? Poll
        : actor.StartsWith(AuditLog.Buyer(0)[..^1], StringComparison.Ordinal) ? Click
        : Admin;

    public void GatewayCalled(string operation, TimeSpan took) => _gatewayDuration.WithLabels(operation).Observe(took.TotalSeconds);

    public void GatewayFailed(string operation) => _gatewayErrors.WithLabels(operation).Inc();

    public void OrderDelivered(DateTime paidAtUtc) =>
        _paymentToDelivery.Observe(Math.Max(0, (_clock.GetUtcNow().UtcDateTime - paidAtUtc).TotalSeconds));

    /// <summary>Counts the Bot API answers the shop must watch: 429 (sending too fast) and 403 (blocked).</summary>
    public void TelegramAnswered(HttpStatusCode status)
    {
        if (status == HttpStatusCode.TooManyRequests) _telegramRateLimited.Inc();
        else if (status == HttpStatusCode.Forbidden) _telegramForbidden.Inc();
    }

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

        var lanes = await pending.GroupBy(m => m.Lane).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var lane in Enum.GetValues<OutboxLane>())
            _outboxLaneBacklog.WithLabels(lane.ToString()).Set(lanes.FirstOrDefault(l => l.Key == (int)lane)?.Count ?? 0);

        var running = db.Broadcasts.Where(b => b.Status == BroadcastStatus.Sending);
        _broadcastsRunning.Set(await running.CountAsync(ct));
        _broadcastTotal.Set(await running.SumAsync(b => (long?)b.TotalRecipients, ct) ?? 0);
        _broadcastSent.Set(await db.BroadcastRecipients.CountAsync(r => r.Status == BroadcastRecipientStatus.Sent
            && running.Any(b => b.Id == r.BroadcastId), ct));

        _reconciliationOpen.Set(await db.PaymentIssues.CountAsync(i => i.ResolvedAtUtc == null, ct));
    }
}
