using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Balances;

/// <summary>
/// The balance ledger. Every change is one conditional update of <see cref="Customer.Balance"/>
/// (<c>WHERE Balance + amount &gt;= 0</c>) plus one <see cref="BalanceEntry"/>, in the caller's transaction, so the balance
/// never goes negative and always equals the sum of the entries. (Kind, Reference) is unique: a deposit or refund
/// cannot be applied twice.
/// </summary>
public sealed class BalanceService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Applies a signed change inside the current transaction (callers own the transaction and SaveChanges).</summary>
    public async Task<BalanceResult> ApplyAsync(long customerId, BalanceEntryKind kind, long amount, string reference, string? note,
        string actor, CancellationToken ct)
    {
        if (amount == 0) throw new ArgumentOutOfRangeException(nameof(amount), "A ledger entry moves money.");
        if (await db.BalanceEntries.AnyAsync(e => e.Kind == kind && e.Reference == reference, ct))
            return new BalanceResult(BalanceOutcome.AlreadyApplied, await CurrentAsync(customerId, ct));

        var changed = await db.Customers
            .Where(c => c.Id == customerId && c.Balance + amount >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Balance, c => c.Balance + amount), ct);
        if (changed == 0)
        {
            var exists = await db.Customers.AnyAsync(c => c.Id == customerId, ct);
            return new BalanceResult(exists ? BalanceOutcome.Insufficient : BalanceOutcome.CustomerNotFound,
                exists ? await CurrentAsync(customerId, ct) : 0);
        }
        var after = await CurrentAsync(customerId, ct);
        db.BalanceEntries.Add(new BalanceEntry(customerId, kind, amount, after, reference, note, actor, clock.GetUtcNow().UtcDateTime));
        audit.Record(actor, amount > 0 ? AuditActions.BalanceCredited : AuditActions.BalanceDebited, "Customer", customerId,
            new { kind = kind.ToString(), amount, reference, balance = after, note });
        return new BalanceResult(BalanceOutcome.Applied, after);
    }

    /// <summary>A manual credit or debit by an admin, with its own transaction.</summary>
    public async Task<BalanceResult> AdjustByAdminAsync(long customerId, long amount, string reason, string adminActor,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kind = amount > 0 ? BalanceEntryKind.AdminCredit : BalanceEntryKind.AdminDebit;
        var result = await ApplyAsync(customerId, kind, amount, $"admin:{Guid.NewGuid():N}", reason.Trim(), adminActor, ct);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>One page of the buyer's ledger, newest first (a page past the end shows the last one).</summary>
    public async Task<Catalog.Page<BalanceEntry>> HistoryPageAsync(long customerId, int pageIndex, int pageSize, CancellationToken ct)
    {
        var entries = db.BalanceEntries.AsNoTracking().Where(e => e.CustomerId == customerId);
        var total = await entries.CountAsync(ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / pageSize));
        var items = await entries.OrderByDescending(e => e.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Catalog.Page<BalanceEntry>(items, pageIndex, pageSize, total);
    }

    public async Task<IReadOnlyList<BalanceEntry>> HistoryAsync(long customerId, int take, CancellationToken ct) =>
        await db.BalanceEntries.AsNoTracking().Where(e => e.CustomerId == customerId)
            .OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);

    /// <summary>The buyer's balance as stored now (the <see cref="Customers.Customer"/> a request loaded may be older).</summary>
    public Task<long> BalanceOfAsync(long customerId, CancellationToken ct) => CurrentAsync(customerId, ct);

    private Task<long> CurrentAsync(long customerId, CancellationToken ct) =>
        db.Customers.Where(c => c.Id == customerId).Select(c => c.Balance).FirstOrDefaultAsync(ct);
}
