namespace BotAutoOrder.Web.Playground;

/// <summary>
/// One inline keyboard button as the bot sent it: a label plus either <c>callback_data</c> (clicked back into the bot)
/// or a <c>url</c> (opened by the page in a new tab).
/// </summary>
public sealed record PlaygroundButton(string Text, string? CallbackData, string? Url);
