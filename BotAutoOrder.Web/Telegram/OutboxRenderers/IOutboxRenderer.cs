using BotAutoOrder.Domain.Messaging;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// Turns one outbox row of one <see cref="OutboxKinds"/> value into its Bot API call, rendered with the current templates
/// in the recipient's language. Bot API errors are left to the outbox worker, which classifies them.
/// </summary>
public interface IOutboxRenderer
{
    /// <summary>The <see cref="OutboxKinds"/> value this renderer sends.</summary>
    string Kind { get; }

    Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct);

    /// <summary>Why this row must not be sent any more (it is then settled as rejected, never retried), or null.</summary>
    Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct) => Task.FromResult<string?>(null);
}
