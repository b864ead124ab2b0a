namespace BotAutoOrder.Domain.Audit;

/// <summary>Who did what to which thing, when. Written for every admin change and every money/stock state change.</summary>
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string actor, string action, string entityType, string? entityId, string? details, DateTime nowUtc)
    {
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        AtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary><c>admin:email</c>, <c>buyer:telegramId</c>, <c>system:worker</c>, <c>gateway:pakasir</c>.</summary>
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? Details { get; private set; }
}
