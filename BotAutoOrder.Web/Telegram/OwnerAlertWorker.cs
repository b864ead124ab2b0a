using System.Collections.Concurrent;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// Turns errors into owner alerts (Telegram:OwnerIds, through the owner bot when configured), de-duplicated: the same
/// error (source and message template) alerts at most once per ten minutes, with the count of repeats. Every instance
/// reports its own errors.
/// </summary>
public sealed class OwnerAlertWorker(OwnerAlertSink sink, IServiceScopeFactory scopes, NotificationTargets targets, OwnerBot ownerBot,
    TimeProvider clock, ILogger<OwnerAlertWorker> log) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, int Suppressed)> _sent = new();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await foreach (var e in sink.Reader.ReadAllAsync(stop))
        {
            if (targets.OwnerChatIds.Count == 0) continue;
            var source = e.Properties.TryGetValue("SourceContext", out var s) ? s.ToString().Trim('"') : "app";
            var key = source + "|" + e.MessageTemplate.Text;
            var now = clock.GetUtcNow();
            if (_sent.TryGetValue(key, out var last) && now - last.At < Quiet)
            {
                _sent[key] = (last.At, last.Suppressed + 1);
                continue;
            }
            var repeats = last.Suppressed > 0 ? $"\n(+{last.Suppressed} kali dalam 10 menit terakhir)" : "";
            var text = e.RenderMessage();
            if (text.Length > 1500) text = text[..1500] + "…";
            var html = $"🚨 <b>Error</b> di <code>{Html.Escape(source)}</code>\n{Html.Escape(text)}" +
                       (e.Exception is { } ex
                           ? $"\n<code>{Html.Escape(ex.GetType().Name)}: {Html.Escape(ex.Message.Length > 300 ? ex.Message[..300] : ex.Message)}</code>" : "") +
                       Html.Escape(repeats);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Outbox>().ToOwners(html);
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(stop);
                _sent[key] = (now, 0);
            }
            catch (Exception writeError) when (writeError is not OperationCanceledException)
            {
                // The database may be what broke: tell the owners directly instead (best effort, not retried).
                log.LogWarning(writeError, "Could not queue an owner alert; sending it directly");
                await SendDirectAsync(html, stop);
                _sent[key] = (now, 0);
            }
        }
    }

    private async Task SendDirectAsync(string html, CancellationToken ct)
    {
        foreach (var owner in targets.OwnerChatIds)
        {
            try
            {
                using (BotAutoOrder.Web.Telegram.Sending.SendLane.Enter(BotAutoOrder.Domain.Messaging.OutboxLane.Notice))
                    await ownerBot.Client.SendMessage(owner, html, ParseMode.Html, cancellationToken: ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Owner alert to {Owner} could not be sent: {Error}", owner, e.Message);
            }
        }
    }
}
