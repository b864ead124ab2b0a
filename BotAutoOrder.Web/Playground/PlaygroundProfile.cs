namespace BotAutoOrder.Web.Playground;

/// <summary>
/// Who the browser is acting as: the Telegram user the playground puts in <c>from</c>. Remembered per chat so a click
/// (which carries only buyer and message) sends the same profile and the bot does not "rename" the buyer.
/// </summary>
public sealed record PlaygroundProfile(long UserId, string FirstName, string? LanguageCode);
