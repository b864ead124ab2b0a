namespace BotAutoOrder.Domain.Messaging;

/// <summary>Who gets notifications: sellers (<c>Telegram:AdminIds</c>) and the owner (<c>Telegram:OwnerIds</c>).</summary>
public sealed record NotificationTargets(IReadOnlyList<long> AdminChatIds, IReadOnlyList<long> OwnerChatIds);
