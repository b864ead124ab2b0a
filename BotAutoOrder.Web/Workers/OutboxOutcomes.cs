using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Telegram.Sending;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// What a Bot API answer means for the row that was sent, in one place for single messages and admin digests:
/// sent → done; 429 → every lane waits <c>retry_after</c> and the row is due again exactly then; 403 → the buyer is
/// unreachable and the row fails; 400 → failed, never retried; anything else → tried again with back-off. Every write is
/// a conditional update on the claimed row (<see cref="OutboxRows"/>), so an outcome is recorded once.
/// </summary>
public static class OutboxOutcomes
{
    /// <summary>Sends one row; an exception is classified (<see cref="TelegramErrors"/>) instead of thrown.</summary>
    public static async Task<SendResult> SendAsync(OutboxSender sender, OutboxMessage message, ILogger log, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(message, ct);
        }
        catch (Exception e)
        {
            var result = TelegramErrors.Classify(e);
            if (result.Outcome is SendOutcome.Transient or SendOutcome.Rejected)
                log.LogWarning("Outbox message {Id} ({Kind}) failed: {Error}", message.Id, message.Kind, result.Error);
            return result;
        }
    }

    /// <summary>Records one row's <paramref name="result"/> (and settles its broadcast recipient).</summary>
    public static async Task RecordAsync(OutboxRows rows, SendGate gate, OutboxMessage message, SendResult result,
        CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await rows.MarkSentAsync(message.Id, ct);
                break;
            case SendOutcome.RateLimited:
                gate.FloodFor(result.RetryAfter);
                await rows.RescheduleAsync(message.Id, result.RetryAfter, result.Error, ct);
                break;
            case SendOutcome.Blocked:
                await rows.MarkBlockedAsync(message.Id, message.ChatId, result.Error, ct);
                break;
            case SendOutcome.Rejected:
                await rows.FailAsync(message.Id, result.Error, ct);
                break;
            default:
                await rows.RetryLaterAsync(message.Id, message.Attempts, result.Error, ct);
                break;
        }
        if (message.BroadcastRecipientId is { } recipientId) await rows.SettleRecipientAsync(recipientId, message.Id, ct);
    }

    /// <summary>A digest that went out: the rows it carried are sent; the rest did not fit and go in the next digest.</summary>
    public static async Task RecordDigestSentAsync(OutboxRows rows, IReadOnlyList<OutboxMessage> claimed, IReadOnlyList<long> carried,
        CancellationToken ct)
    {
        foreach (var row in claimed)
        {
            if (carried.Contains(row.Id)) await rows.MarkSentAsync(row.Id, ct);
            else await rows.RescheduleAsync(row.Id, TimeSpan.Zero, null, ct); // did not fit: the next digest takes it
        }
    }

    /// <summary>A digest that failed: on 429 every row waits <c>retry_after</c>, otherwise each backs off.</summary>
    public static async Task RecordDigestFailedAsync(OutboxRows rows, SendGate gate, IReadOnlyList<OutboxMessage> claimed,
        SendResult result, CancellationToken ct)
    {
        if (result.Outcome == SendOutcome.RateLimited) gate.FloodFor(result.RetryAfter);
        foreach (var row in claimed)
        {
            if (result.Outcome == SendOutcome.RateLimited) await rows.RescheduleAsync(row.Id, result.RetryAfter, result.Error, ct);
            else await rows.RetryLaterAsync(row.Id, row.Attempts, result.Error, ct);
        }
    }
}
