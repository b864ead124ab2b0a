using System.Text.Json;
using BotAutoOrder.Domain.Data;

namespace BotAutoOrder.Domain.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, so the entry commits (or rolls back) with the change it describes.
/// Actors: <c>admin:email</c>, <c>buyer:telegramId</c>, <c>system:job</c>, <c>gateway:pakasir</c>.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public const string System = "system";

    public static string Admin(string email) => "admin:" + email;
    public static string Buyer(long telegramUserId) => "buyer:" + telegramUserId;
    public static string Job(string name) => "system:" + name;
    public const string Gateway = "gateway:pakasir";

    /// <summary>Records an action; <paramref name="details"/> is serialised as JSON (keep secrets and item contents out).</summary>
    public void Record(string actor, string action, string entityType, object? entityId, object? details = null)
    {
        var json = details switch
        {
            null => null,
            string s => s,
            _ => JsonSerializer.Serialize(details),
        };
        if (json is { Length: > 4000 }) json = json[..4000];
        db.AuditEntries.Add(new AuditEntry(actor, action, entityType, entityId?.ToString(), json, clock.GetUtcNow().UtcDateTime));
    }
}
