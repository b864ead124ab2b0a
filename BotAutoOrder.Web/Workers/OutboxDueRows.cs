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
/// <para>
/// One chat's messages leave in the order they were queued: a row is not due while the same chat (of the same bot) has an
/// earlier pending row in its lane or a more urgent one — in flight, waiting out a 429, or backing off after an error —
/// in this instance or another. Sent side by side, round trips that vary would let a later message overtake an earlier
/// one (the menu before the greeting, the items before "payment received"). A broadcast row never holds up a delivery
/// (a less urgent lane), and a reply may pass a queued delivery, as lanes intend.
/// </para>
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
        var ready = Ready(db, now).Where(m => !db.OutboxMessages.Any(earlier => earlier.ChatId == m.ChatId && earlier.Bot == m.Bot
            && earlier.Status == OutboxStatus.Pending && earlier.Lane <= m.Lane && earlier.Id < m.Id));
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
