namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The text of an <c>answerCallbackQuery</c>: Telegram shows it as a short toast (or an alert box when
/// <paramref name="ShowAlert"/>), so the page does the same.
/// </summary>
public sealed record PlaygroundToast(long Version, string Text, bool ShowAlert);
