using System.Text.Json;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>
/// Broadcasts from the dashboard: a validated draft; start (Draft → Sending, then one recipient and one outbox row per
/// buyer, in batches, resumable after a crash); cancel (pending rows are failed with "cancelled"); progress; completion.
/// Sending itself is the outbox worker's job, at the store's rate (or the paid rate for a paid broadcast, ADR-008).
/// Every state change is a conditional update.
/// </summary>
public sealed class BroadcastService(AppDbContext db, AuditLog audit, SettingsService settings, BroadcastTally tally, TimeProvider clock)
{
    public const int BatchSize = 500;
    public const string CancelledError = "cancelled";
    private const string Entity = "Broadcast";

    public async Task<BroadcastResult> CreateDraftAsync(string html, string? photoFileName, byte[]? photo, BroadcastAudience audience,
        string actor, CancellationToken ct)
    {
        if (photo is { Length: > TelegramLimits.PhotoBytes }) return new BroadcastResult(BroadcastOutcome.PhotoTooLarge);
        if (photo is { Length: > 0 } && !Broadcast.LooksLikeImage(photo)) return new BroadcastResult(BroadcastOutcome.PhotoNotImage);
        if (photo is { Length: 0 }) photo = null;
        var check = TelegramHtml.Check(html, photo is null ? TelegramLimits.MessageText : TelegramLimits.Caption,
            TelegramLimits.MessageText);
        if (!check.Ok) return new BroadcastResult(BroadcastOutcome.InvalidText, Text: check);

        var name = photo is null ? null : Path.GetFileName(photoFileName ?? "") is { Length: > 0 } n ? n[..Math.Min(n.Length, 100)]
            : "photo.jpg";
        var broadcast = new Broadcast(html, name, photo, audience, actor, clock.GetUtcNow().UtcDateTime);
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.BroadcastCreated, Entity, broadcast.Id,
            new { audience = audience.ToString(), length = check.Length, photo = photo?.Length });
        await db.SaveChangesAsync(ct);
        return new BroadcastResult(BroadcastOutcome.Done, broadcast.Id, check);
    }

    /// <summary>Draft → Sending, then enqueues every recipient of the audience.</summary>
    public async Task<BroadcastResult> StartAsync(long broadcastId, string actor, CancellationToken ct)
    {
        var paid = (await settings.GetAsync(ct)).PaidBroadcasts;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var started = await db.Broadcasts.Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.StartedAtUtc, now)
                    .SetProperty(b => b.Paid, paid), ct);
            if (started == 0) return await MissingOrWrongStateAsync(broadcastId, ct);
            audit.Record(actor, AuditActions.BroadcastStarted, Entity, broadcastId, paid ? new { paid } : null);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await EnqueueAsync(broadcastId, ct);
        return new BroadcastResult(BroadcastOutcome.Done, broadcastId);
    }

    /// <summary>
    /// Adds the recipients not enqueued yet, <see cref="BatchSize"/> per transaction (idempotent: resumes a start cut short
    /// by a crash). The audience is the buyers known when the broadcast started. Stops when the broadcast is no longer sending.
    /// </summary>
    /// <returns>How many recipients were added.</returns>
    public async Task<int> EnqueueAsync(long broadcastId, CancellationToken ct)
    {
        var added = 0;
        for (var conflicts = 0; ;)
        {
            db.ChangeTracker.Clear();
            var broadcast = await db.Broadcasts.AsNoTracking().Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Sending)
                .Select(b => new { b.Audience, b.StartedAtUtc, b.Paid }).FirstOrDefaultAsync(ct);
            if (broadcast is null) return added;
            try
            {
                var lane = broadcast.Paid ? OutboxLane.PaidBulk : OutboxLane.Bulk;
                var batch = await EnqueueBatchAsync(broadcastId, broadcast.Audience, broadcast.StartedAtUtc!.Value, lane, ct);
                if (batch < 0) return added;
                added += batch;
                if (batch < BatchSize) return added;
            }
            catch (DbUpdateException) when (++conflicts < 5)
            {
                // Another instance enqueued the same buyers at the same moment (unique recipient per broadcast): read again.
            }
        }
    }

    private async Task<int> EnqueueBatchAsync(long broadcastId, BroadcastAudience audience, DateTime startedAtUtc, OutboxLane lane,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await NotEnqueued(broadcastId, audience, startedAtUtc)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.TelegramUserId }).Take(BatchSize).ToListAsync(ct);
        var recipients = batch.Select(c => new BroadcastRecipient(broadcastId, c.Id, c.TelegramUserId)).ToList();
        db.BroadcastRecipients.AddRange(recipients);
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.Serialize(new BroadcastPayload(broadcastId));
        foreach (var r in recipients)
            db.OutboxMessages.Add(new OutboxMessage(r.ChatId, OutboxKinds.Broadcast, payload, now, OutboxBot.Shop,
                DeduplicationKey(broadcastId, r.CustomerId), r.Id, lane: lane));
        await db.SaveChangesAsync(ct);
        var total = await db.BroadcastRecipients.CountAsync(r => r.BroadcastId == broadcastId, ct);
        // The gate against a concurrent cancel: rows are only committed while the broadcast is still sending.
        var stillSending = await db.Broadcasts.Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.TotalRecipients, total), ct);
        if (stillSending == 0) return -1; // rolled back on dispose
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return recipients.Count;
    }

    private IQueryable<Customer> NotEnqueued(long broadcastId, BroadcastAudience audience, DateTime startedAtUtc) =>
        Audience(audience, startedAtUtc).Where(c => !db.BroadcastRecipients.Any(r => r.BroadcastId == broadcastId && r.CustomerId == c.Id));

    /// <summary>The buyers a broadcast goes to: reachable, not blocked by an admin, known at start; purchasers need a paid order.</summary>
    private IQueryable<Customer> Audience(BroadcastAudience audience, DateTime startedAtUtc)
    {
        var query = db.Customers.Where(c => !c.IsUnreachable && !c.IsBlocked && c.CreatedAtUtc <= startedAtUtc);
        if (audience == BroadcastAudience.Purchasers)
            query = query.Where(c => db.Orders.Any(o => o.CustomerId == c.Id && o.Status == OrderStatus.Paid));
        return query;
    }

    /// <summary>How many buyers the audience has now (a draft's estimate).</summary>
    public Task<int> CountAudienceAsync(BroadcastAudience audience, CancellationToken ct) =>
        Audience(audience, clock.GetUtcNow().UtcDateTime).CountAsync(ct);

    /// <summary>Sending → Cancelled; every still-pending outbox row of it fails with "cancelled" and its recipient is Cancelled.</summary>
    public async Task<BroadcastResult> CancelAsync(long broadcastId, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.Broadcasts.Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Cancelled).SetProperty(b => b.FinishedAtUtc, now), ct);
        if (cancelled == 0) return await MissingOrWrongStateAsync(broadcastId, ct);
        var recipientIds = db.BroadcastRecipients.Where(r => r.BroadcastId == broadcastId).Select(r => (long?)r.Id);
        var rows = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && recipientIds.Contains(m.BroadcastRecipientId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, CancelledError), ct);
        await SettleAsync(broadcastId, ct);
        audit.Record(actor, AuditActions.BroadcastCancelled, Entity, broadcastId, new { unsent = rows });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BroadcastResult(BroadcastOutcome.Done, broadcastId);
    }

    /// <inheritdoc cref="BroadcastTally.SettleAsync"/>
    public Task SettleAsync(long broadcastId, CancellationToken ct) => tally.SettleAsync(broadcastId, ct);

    /// <summary>Sending → Completed once every buyer is enqueued and no recipient is pending.</summary>
    public async Task<bool> CompleteIfDoneAsync(long broadcastId, string actor, CancellationToken ct)
    {
        var broadcast = await db.Broadcasts.AsNoTracking().Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Sending)
            .Select(b => new { b.Audience, b.StartedAtUtc }).FirstOrDefaultAsync(ct);
        if (broadcast is null) return false;
        await SettleAsync(broadcastId, ct);
        if (await db.BroadcastRecipients.AnyAsync(r => r.BroadcastId == broadcastId && r.Status == BroadcastRecipientStatus.Pending,
            ct)) return false;
        if (await NotEnqueued(broadcastId, broadcast.Audience,
            broadcast.StartedAtUtc!.Value).AnyAsync(ct)) return false; // still enqueueing
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var total = await db.BroadcastRecipients.CountAsync(r => r.BroadcastId == broadcastId, ct);
        var completed = await db.Broadcasts.Where(b => b.Id == broadcastId && b.Status == BroadcastStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Completed).SetProperty(b => b.FinishedAtUtc, now)
                .SetProperty(b => b.TotalRecipients, total), ct);
        if (completed == 0) return false;
        var progress = await ProgressAsync(broadcastId, ct);
        audit.Record(actor, AuditActions.BroadcastCompleted, Entity, broadcastId,
            new { total, sent = progress?.Sent, blocked = progress?.Blocked, failed = progress?.Failed });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <inheritdoc cref="BroadcastTally.ProgressAsync"/>
    public Task<BroadcastProgress?> ProgressAsync(long broadcastId, CancellationToken ct) => tally.ProgressAsync(broadcastId, ct);

    public static string DeduplicationKey(long broadcastId, long customerId) => $"bc:{broadcastId}:{customerId}";

    private async Task<BroadcastResult> MissingOrWrongStateAsync(long broadcastId, CancellationToken ct) =>
        await db.Broadcasts.AnyAsync(b => b.Id == broadcastId, ct)
            ? new BroadcastResult(BroadcastOutcome.WrongState, broadcastId)
            : new BroadcastResult(BroadcastOutcome.NotFound, broadcastId);
}
