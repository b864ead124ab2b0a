using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;

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

/// <summary>Starts a balance top-up: a pending deposit and its pending payment, within the configured limits.</summary>
public sealed class DepositService(AppDbContext db, SettingsService settings, AuditLog audit, TimeProvider clock)
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
}
