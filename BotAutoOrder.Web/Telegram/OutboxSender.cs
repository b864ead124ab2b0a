using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using BotAutoOrder.Web.Workers;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// Turns one outbox row into one Bot API call: picks the row's bot (shop or owner) and the renderer for its kind
/// (one small class per <see cref="OutboxKinds"/> value under <c>Telegram/OutboxRenderers</c>). Exceptions from the
/// Bot API are left to the worker, which classifies them.
/// </summary>
public sealed class OutboxSender(IEnumerable<IOutboxRenderer> renderers, ITelegramBotClient bot, OwnerBot ownerBot)
{
    private readonly Dictionary<string, IOutboxRenderer> _byKind = renderers.ToDictionary(r => r.Kind);

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!_byKind.TryGetValue(message.Kind, out var renderer)) return new SendResult(SendOutcome.Rejected,
            Error: $"unknown outbox kind '{message.Kind}'");
        if (await renderer.WhyNotAsync(message, ct) is { } refused) return new SendResult(SendOutcome.Rejected, Error: refused);
        await renderer.SendAsync(message, message.Bot == OutboxBot.Owner ? ownerBot.Client : bot, ct);
        return SendResult.Ok;
    }
}
