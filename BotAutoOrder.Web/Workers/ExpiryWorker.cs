using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Expires unpaid orders and deposits past their expiry (the store setting, never later than the gateway's). Asks the
/// gateway one last time first, so a payment whose webhook was lost is applied rather than expired; then cancels the
/// transaction at the gateway and releases the reservation.
/// </summary>
public sealed class ExpiryWorker(WorkerLease lease, IServiceScopeFactory scopes, PaymentConfirmer confirmer,
    IOptions<WorkerOptions> options,
    TimeProvider clock, ILogger<ExpiryWorker> log) : LeasedWorker(lease, clock, log)
{
    private static readonly string Actor = AuditLog.Job("expiry");

    protected override string Job => "expiry";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ExpiryIntervalSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<OrderLifecycleService>();
        var invoices = scope.ServiceProvider.GetRequiredService<GatewayInvoices>();
        var now = Clock.GetUtcNow().UtcDateTime;

        var orders = await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.PendingPayment && o.ExpiresAtUtc <= now)
            .OrderBy(o => o.ExpiresAtUtc).Select(o => new { o.Id, o.InvoiceCode }).Take(50).ToListAsync(ct);
        foreach (var order in orders)
        {
            if (await PaidMeanwhileAsync(order.InvoiceCode, ct)) continue;
            await invoices.CancelAsync(order.InvoiceCode, ct);
            if (await lifecycle.CloseUnpaidAsync(order.Id, OrderStatus.Expired, Actor, "not paid in time", ct))
                log.LogInformation("Order {Invoice} expired", order.InvoiceCode);
        }

        var deposits = await db.Deposits.AsNoTracking().Where(d => d.Status == DepositStatus.Pending && d.ExpiresAtUtc <= now)
            .OrderBy(d => d.ExpiresAtUtc).Select(d => new { d.Id, d.Code }).Take(50).ToListAsync(ct);
        foreach (var deposit in deposits)
        {
            if (await PaidMeanwhileAsync(deposit.Code, ct)) continue;
            await invoices.CancelAsync(deposit.Code, ct);
            await lifecycle.CloseUnpaidDepositAsync(deposit.Id, DepositStatus.Expired, Actor, ct);
        }
        return orders.Count == 50 || deposits.Count == 50;
    }

    private async Task<bool> PaidMeanwhileAsync(string gatewayOrderId, CancellationToken ct) =>
        (await confirmer.ConfirmAsync(gatewayOrderId, Actor, ct)).Status == ConfirmationStatus.Applied;
}
