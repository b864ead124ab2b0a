using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Balances;

public enum DepositOutcome
{
    Created,
    BelowMinimum,
    AboveMaximum,
    Blocked,
}

public sealed record DepositResult(DepositOutcome Outcome, long? DepositId = null, string? Code = null, long? PaymentId = null,
    long Min = 0, long Max = 0);

/// <summary>
/// Starts a balance top-up: a pending deposit and its pending payment, within the configured limits; then opens its QRIS
/// transaction at the gateway (<see cref="OpenInvoiceAsync"/>), or cancels the deposit when the gateway fails.
/// </summary>
public sealed class DepositService(AppDbContext db, SettingsService settings, GatewayInvoices invoices, OrderLifecycleService lifecycle,
    AuditLog audit, TimeProvider clock)
{
    public async Task<DepositResult> StartAsync(long customerId, long amount, string paymentMethodCode, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        var customer = await db.Customers.FindAsync([customerId], ct) ?? throw new InvalidOperationException("unknown customer");
        if (customer.IsBlocked) return new DepositResult(DepositOutcome.Blocked);
        if (amount < rules.DepositMin) return new DepositResult(DepositOutcome.BelowMinimum, Min: rules.DepositMin, Max: rules.DepositMax);
        if (amount > rules.DepositMax) return new DepositResult(DepositOutcome.AboveMaximum, Min: rules.DepositMin, Max: rules.DepositMax);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deposit = new Deposit(InvoiceCodes.NewDeposit(now), customerId, amount, now, now.AddMinutes(rules.InvoiceExpiryMinutes));
        db.Deposits.Add(deposit);
        await db.SaveChangesAsync(ct);
        var payment = new Payment(PaymentPurpose.Deposit, null, deposit.Id, deposit.Code, paymentMethodCode, amount, now);
        db.Payments.Add(payment);
        audit.Record(AuditLog.Buyer(customer.TelegramUserId), AuditActions.DepositCreated, "Deposit", deposit.Id,
            new { deposit.Code, amount });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DepositResult(DepositOutcome.Created, deposit.Id, deposit.Code, payment.Id, rules.DepositMin, rules.DepositMax);
    }

    /// <summary>
    /// Opens the QRIS transaction for a deposit <see cref="StartAsync"/> created. When the gateway refuses or cannot be
    /// reached the deposit is cancelled at once: nothing waits for a payment that cannot come.
    /// </summary>
    /// <returns>The deposit and payment to show, or null when the gateway failed and the deposit was cancelled.</returns>
    public async Task<DepositInvoice?> OpenInvoiceAsync(DepositResult created, CancellationToken ct)
    {
        if (!await invoices.CreateAsync(created.PaymentId!.Value, ct))
        {
            await lifecycle.CloseUnpaidDepositAsync(created.DepositId!.Value, DepositStatus.Cancelled, AuditLog.Job("deposit"), ct);
            return null;
        }
        var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == created.DepositId, ct);
        var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == created.PaymentId, ct);
        return new DepositInvoice(deposit, payment);
    }

    /// <summary>Remembers the chat message that shows the deposit's QR (edited when it is paid or expires).</summary>
    public async Task AttachQrMessageAsync(long depositId, long chatId, int messageId, CancellationToken ct)
    {
        var deposit = await db.Deposits.FirstAsync(d => d.Id == depositId, ct);
        deposit.AttachQrMessage(chatId, messageId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The buyer's own deposit (a button can carry any id), or null.</summary>
    public Task<Deposit?> FindAsync(long customerId, long depositId, CancellationToken ct) =>
        db.Deposits.AsNoTracking().FirstOrDefaultAsync(d => d.Id == depositId && d.CustomerId == customerId, ct);
}
