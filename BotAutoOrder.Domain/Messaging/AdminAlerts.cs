using BotAutoOrder.Domain.Data;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// A ready alert (Telegram HTML, its values escaped by the caller) for every seller, committed at once in its own unit of
/// work: for events that change no other state, such as a buyer tripping the spam limit.
/// </summary>
public sealed class AdminAlerts(AppDbContext db, Outbox outbox)
{
    public async Task SendAsync(string html, CancellationToken ct)
    {
        outbox.ToAdmins(OutboxKinds.Text, new TextPayload(html));
        await db.SaveChangesAsync(ct);
    }
}
