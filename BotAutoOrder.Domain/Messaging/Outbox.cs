using System.Text.Json;
using BotAutoOrder.Domain.Data;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// Adds outgoing messages to the current unit of work, so they commit with the state change that caused them and a
/// worker sends them later (retries, rate limits, restarts). Nothing is sent from inside a transaction.
/// </summary>
public sealed class Outbox(AppDbContext db, NotificationTargets targets, TimeProvider clock)
{
    public void ToChat(long chatId, string kind, object payload, string? deduplicationKey = null, TimeSpan? after = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage(chatId, kind, JsonSerializer.Serialize(payload), now, OutboxBot.Shop, deduplicationKey,
            dueAtUtc: after is { } wait ? now + wait : null));
    }

    /// <summary>One message per seller in <c>Telegram:AdminIds</c>.</summary>
    public void ToAdmins(string kind, object payload, string? deduplicationKey = null)
    {
        foreach (var admin in targets.AdminChatIds)
            ToChat(admin, kind, payload, deduplicationKey is null ? null : $"{deduplicationKey}:admin:{admin}");
    }

    /// <summary>One message per owner, through the owner bot when one is configured.</summary>
    public void ToOwners(string html, string? deduplicationKey = null)
    {
        foreach (var owner in targets.OwnerChatIds)
            db.OutboxMessages.Add(new OutboxMessage(owner, OutboxKinds.Text, JsonSerializer.Serialize(new TextPayload(html)),
                clock.GetUtcNow().UtcDateTime, OutboxBot.Owner, deduplicationKey is null ? null : $"{deduplicationKey}:owner:{owner}"));
    }
}
