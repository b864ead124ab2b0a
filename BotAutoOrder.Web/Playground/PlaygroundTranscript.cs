namespace BotAutoOrder.Web.Playground;

/// <summary>
/// One poll's answer: the messages and toasts that changed after the page's last version, the reply keyboard the chat
/// shows now, and the version to ask after next time.
/// </summary>
public sealed record PlaygroundTranscript(
    long Version,
    IReadOnlyList<PlaygroundMessage> Messages,
    IReadOnlyList<PlaygroundToast> Toasts,
    IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard);
