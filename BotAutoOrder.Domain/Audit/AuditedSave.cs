using BotAutoOrder.Domain.Data;

namespace BotAutoOrder.Domain.Audit;

/// <summary>
/// The one place an admin change is saved together with its audit entry: both commit, or neither does. The entry is
/// recorded after the first save because a new row's id is only known then, so the two saves share a transaction.
/// </summary>
public sealed class AuditedSave(AppDbContext db, AuditLog audit)
{
    /// <param name="entity">Read after the change is saved (a new row has its id by then).</param>
    public async Task SaveAsync(string actor, string action, string entityType, Func<object?> entity, Func<object?>? details,
        CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        audit.Record(actor, action, entityType, entity(), details?.Invoke());
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }
}
