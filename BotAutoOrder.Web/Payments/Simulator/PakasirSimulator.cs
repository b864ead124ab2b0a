using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// The built-in stand-in for Pakasir (Simulator mode, the default without credentials): transactions in memory,
/// thread-safe, with the gateway's fee, 60-minute expiry and find-or-create by order id. Time comes from the
/// injected <see cref="TimeProvider"/> so tests can move the clock. Holds at most <paramref name="capacity"/>
/// transactions (the oldest settled ones go first), so a flood of invoices cannot grow memory without end.
/// </summary>
public sealed class PakasirSimulator(TimeProvider clock, int capacity = PakasirSimulator.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(60);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatorTransaction> _byTxn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _txnByOrder = new(StringComparer.Ordinal);

    /// <summary>Finds the transaction for <paramref name="orderId"/> or creates it. <c>null</c> when it exists with another
    /// amount.</summary>
    public SimulatorTransaction? FindOrCreate(string project, string orderId, long amount, string method)
    {
        lock (_gate)
        {
            if (_txnByOrder.TryGetValue(orderId, out var existingId))
            {
                var existing = Current(_byTxn[existingId]);
                return existing.Amount == amount ? existing : null;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var fee = SimulatorQris.Fee(amount);
            var isQris = method == "qris";
            var txnId = "sim_" + Guid.NewGuid().ToString("N")[..20];
            var txn = new SimulatorTransaction(txnId, project, orderId, amount, fee, method,
                QrString: isQris ? SimulatorQris.Payload(orderId, amount + fee) : null,
                VaNumber: isQris ? null : "8808" + Math.Abs(orderId.GetHashCode() % 100_000_000).ToString("D8"),
                CreatedAtUtc: now, ExpiresAtUtc: now + Lifetime, Status: PaymentStatus.Pending, CompletedAtUtc: null);
            if (_byTxn.Count >= capacity) Evict();
            _byTxn[txnId] = txn;
            _txnByOrder[orderId] = txnId;
            return txn;
        }
    }

    public SimulatorTransaction? Find(string txnId)
    {
        lock (_gate) return _byTxn.TryGetValue(txnId, out var t) ? Current(t) : null;
    }

    /// <summary>All transactions, newest first.</summary>
    public IReadOnlyList<SimulatorTransaction> All()
    {
        lock (_gate) return _byTxn.Values.Select(Current).OrderByDescending(t => t.CreatedAtUtc).ToList();
    }

    /// <summary>The buyer paid: pending → completed (completed_at now). False when it is not pending.</summary>
    public bool Pay(string txnId) =>
        Transition(txnId, t => t with { Status = PaymentStatus.Completed, CompletedAtUtc = clock.GetUtcNow().UtcDateTime });

    public bool Expire(string txnId) => Transition(txnId, t => t with { Status = PaymentStatus.Expired });

    public bool Cancel(string txnId) => Transition(txnId, t => t with { Status = PaymentStatus.Cancelled });

    private bool Transition(string txnId, Func<SimulatorTransaction, SimulatorTransaction> change)
    {
        lock (_gate)
        {
            if (!_byTxn.TryGetValue(txnId, out var t) || Current(t).Status != PaymentStatus.Pending) return false;
            _byTxn[txnId] = change(t);
            return true;
        }
    }

    /// <summary>Drops the oldest transaction that is no longer pending, else the oldest one (caller holds the lock).</summary>
    private void Evict()
    {
        var victim = _byTxn.Values.Select(Current).OrderBy(t => t.Status == PaymentStatus.Pending).ThenBy(t => t.CreatedAtUtc).First();
        _byTxn.Remove(victim.TxnId);
        _txnByOrder.Remove(victim.OrderId);
    }

    /// <summary>A pending transaction past its expiry reads as expired, as at the gateway.</summary>
    private SimulatorTransaction Current(SimulatorTransaction t) =>
        t.Status == PaymentStatus.Pending && clock.GetUtcNow().UtcDateTime >= t.ExpiresAtUtc ? t with { Status = PaymentStatus.Expired }
            : t;
}
