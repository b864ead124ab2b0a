namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// The Bot API's size limits (see the spec's telegram.md), in one place for bot texts, broadcasts, the outbox renderers,
/// the playground emulator and the dashboard. Text limits count visible characters (after HTML tags and entities are parsed).
/// </summary>
public static class TelegramLimits
{
    /// <summary>A message's text.</summary>
    public const int MessageText = 4096;

    /// <summary>A photo's or document's caption.</summary>
    public const int Caption = 1024;

    /// <summary>An inline button's <c>callback_data</c>, in UTF-8 bytes.</summary>
    public const int CallbackDataBytes = 64;

    /// <summary>An uploaded photo.</summary>
    public const int PhotoBytes = 10 * 1024 * 1024;

    /// <summary>An uploaded document.</summary>
    public const int DocumentBytes = 50 * 1024 * 1024;
}
