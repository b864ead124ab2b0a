namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The page's "click this inline button" request (<c>POST /playground/api/click</c>); without a name and language the
/// buyer's last profile is used, so a click never renames the buyer.
/// </summary>
public sealed record PlaygroundClickInput(long BuyerId, int MessageId, string? Data, string? FirstName = null, string? LanguageCode = null);
