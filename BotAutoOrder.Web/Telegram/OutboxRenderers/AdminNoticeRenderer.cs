using BotAutoOrder.Domain.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// One admin notice kind (paid order, late payment, paid deposit, payment issue, low stock); the texts are built by
/// <see cref="AdminNotices"/>, which the rush digest shares. Registered once per kind.
/// </summary>
public sealed class AdminNoticeRenderer(string kind, AdminNotices notices) : IOutboxRenderer
{
    public static readonly string[] Kinds =
        [OutboxKinds.OrderPaidAdmin, OutboxKinds.OrderLateAdmin, OutboxKinds.DepositPaidAdmin, OutboxKinds.PaymentIssueAdmin,
            OutboxKinds.LowStockAdmin,
         OutboxKinds.ClaimOpenedAdmin];

    public string Kind => kind;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var html = await notices.RenderAsync(message, ct)
            ?? throw new InvalidOperationException($"no admin notice for kind '{message.Kind}'");
        await client.SendMessage(message.ChatId, html, ParseMode.Html, cancellationToken: ct);
    }
}
