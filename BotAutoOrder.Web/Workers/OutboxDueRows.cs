using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// Which outbox rows a pass of <see cref="OutboxWorker"/> looks at: pending, due, and not claimed by a sender whose claim
/// is still running. Kept apart from the sending so the order that makes a delivery overtake a broadcast (lowest
/// <see cref="OutboxLane"/> first, oldest first within a lane, paid-broadcast rows after the rest) reads in one place.
/// Read without tracking: a row is only sent after <see cref="OutboxRows.ClaimAsync"/> won it.
/// </summary>
public static class OutboxDueRows
{
    /// <summary>Admin notices one digest carries at most.</summary>
    public const int DigestSize = 30;

    /// <summary>
    /// One pass: up to <paramref name="take"/> rows of the free lanes, then up to <paramref name="paidTake"/> rows of a
    /// paid broadcast (its own budget, its own slots).
    /// </summary>
    public static async Task<List<OutboxMessage>> ForPassAsync(AppDbContext db, DateTime now, int take, int paidTake,
        CancellationToken ct)
    {
        var ready = Ready(db, now);
        var due = await ready.Where(m => m.Lane != (int)OutboxLane.PaidBulk)
            .OrderBy(m => m.Lane).ThenBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(take).ToListAsync(ct);
        // A paid broadcast's quarter second, after everything else due: its own budget, its own slots.
        due.AddRange(await ready.Where(m => m.Lane == (int)OutboxLane.PaidBulk)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(paidTake).ToListAsync(ct));
        return due;
    }

    /// <summary>The shop bot's admin notices due for one admin chat, oldest first: the candidates for one digest.</summary>
    public static Task<List<OutboxMessage>> AdminNoticesAsync(AppDbContext db, long chatId, DateTime now, CancellationToken ct)
    {
        var kinds = AdminNoticeRenderer.Kinds;
        return Ready(db, now)
            .Where(m => m.ChatId == chatId && m.Bot == OutboxBot.Shop && kinds.Contains(m.Kind))
            .OrderBy(m => m.Id).Take(DigestSize).ToListAsync(ct);
    }

    private static IQueryable<OutboxMessage> Ready(AppDbContext db, DateTime now) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                && (m.LockedUntilUtc == null || m.LockedUntilUtc < now));
}
