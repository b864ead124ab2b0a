using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using BotAutoOrder.Web.Telegram.Sending;

namespace BotAutoOrder.Web.Workers;

// The admin-notice digest: a part of the worker (it shares the worker's slots, in-flight calls, sender name and lease
// fence), in its own file because it is the one place where several rows are claimed and settled as one message.
public sealed partial class OutboxWorker
{
    /// <summary>
    /// A rush: when <see cref="AdminDigestRenderer.Threshold"/> or more admin notices are due for this admin, they go as
    /// one digest message (claimed together, settled together).
    /// </summary>
    private async Task<bool> TryDigestAsync(OutboxMessage first, CancellationToken ct)
    {
        List<OutboxMessage> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            rows = await OutboxDueRows.AdminNoticesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), first.ChatId,
                Clock.GetUtcNow().UtcDateTime, ct);
        }
        if (rows.Count < AdminDigestRenderer.Threshold) return false;
        await _slots.WaitAsync(ct);
        var started = false;
        try
        {
            await gate.WaitFloodAsync(ct);
            await gate.AcquireAsync(ct);
            await EnsureLeaseAsync(ct);
            var claimed = new List<OutboxMessage>();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var outboxRows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
                foreach (var row in rows)
                    if (await outboxRows.ClaimAsync(row.Id, _sender, ct)) claimed.Add(row);
            }
            if (claimed.Count == 0) return true;
            gate.Pacer.Record(first.ChatId);
            _inFlight[claimed[0].Id] = SendDigestAsync(claimed);
            started = true;
            return true;
        }
        finally
        {
            if (!started) _slots.Release();
        }
    }

    private async Task SendDigestAsync(List<OutboxMessage> claimed)
    {
        await Task.Yield();
        try
        {
            using var inFlight = new CancellationTokenSource(OutboxRows.ClaimFor - TimeSpan.FromSeconds(2));
            var ct = inFlight.Token;
            await using var scope = scopes.CreateAsyncScope();
            var rows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
            IReadOnlyList<long> carried;
            try
            {
                using (SendLane.Enter(OutboxLane.Notice, tokenTaken: true))
                    carried = await scope.ServiceProvider.GetRequiredService<AdminDigestRenderer>()
                        .SendAsync(claimed, scope.ServiceProvider.GetRequiredService<global::Telegram.Bot.ITelegramBotClient>(), ct);
            }
            catch (Exception e)
            {
                var result = TelegramErrors.Classify(e);
                log.LogWarning("Admin digest to {ChatId} failed: {Error}", claimed[0].ChatId, result.Error);
                await OutboxOutcomes.RecordDigestFailedAsync(rows, gate, claimed, result, ct);
                return;
            }
            await OutboxOutcomes.RecordDigestSentAsync(rows, claimed, carried, ct);
        }
        catch (Exception e)
        {
            log.LogError(e, "Admin digest to {ChatId}: recording the outcome failed", claimed[0].ChatId);
        }
        finally
        {
            _inFlight.TryRemove(claimed[0].Id, out _);
            _slots.Release();
        }
    }
}
