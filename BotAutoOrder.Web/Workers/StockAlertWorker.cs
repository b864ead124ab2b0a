using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Tells the sellers once when a product's available stock falls to its threshold (the product's, else the store's),
/// and re-arms when stock rises above it again. The flag flips with a conditional update, so one crossing is one alert.
/// </summary>
public sealed class StockAlertWorker(WorkerLease lease, IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock,
    ILogger<StockAlertWorker> log) : LeasedWorker(lease, clock, log)
{
    protected override string Job => "stock-alerts";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.StockAlertIntervalSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var defaultThreshold = (await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync(ct)).LowStockThreshold;
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive && !p.IsUnlimited) // unlimited: never low (ADR-021)
            .Select(p => new
            {
                p.Id, p.LowStockThreshold, p.LowStockAlerted,
                Available = db.StockItems.Count(s => s.ProductId == p.Id && s.Status == StockItemStatus.Available),
            }).ToListAsync(ct);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        foreach (var p in products)
        {
            var threshold = p.LowStockThreshold ?? defaultThreshold;
            if (p.Available <= threshold && !p.LowStockAlerted)
            {
                var flipped = await db.Products.Where(x => x.Id == p.Id && !x.LowStockAlerted)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LowStockAlerted, true), ct);
                if (flipped == 1) outbox.ToAdmins(OutboxKinds.LowStockAdmin, new LowStockPayload(p.Id, p.Available, threshold));
            }
            else if (p.Available > threshold && p.LowStockAlerted)
            {
                await db.Products.Where(x => x.Id == p.Id
                    && x.LowStockAlerted).ExecuteUpdateAsync(s => s.SetProperty(x => x.LowStockAlerted, false), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return false;
    }
}
