using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;

namespace BotAutoOrder.Domain.Customers;

/// <summary>The dashboard's buyer writes other than money (balance changes go through <c>BalanceService</c>); audited.</summary>
public sealed class BuyerAdminService(AppDbContext db, AuditedSave save)
{
    /// <summary>Blocks (true) or unblocks a buyer; false when there is no such buyer.</summary>
    public async Task<bool> SetBlockedAsync(long customerId, bool blocked, string actor, CancellationToken ct)
    {
        var buyer = await db.Customers.FindAsync([customerId], ct);
        if (buyer is null) return false;
        if (blocked) buyer.Block(); else buyer.Unblock();
        await save.SaveAsync(actor, blocked ? AuditActions.BuyerBlocked : AuditActions.BuyerUnblocked, "Customer", () => customerId, null,
            ct);
        return true;
    }
}
