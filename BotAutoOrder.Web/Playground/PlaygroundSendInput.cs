namespace BotAutoOrder.Web.Playground;

/// <summary>The page's "send this text as this buyer" request (<c>POST /playground/api/send</c>).</summary>
public sealed record PlaygroundSendInput(long BuyerId, string? FirstName, string? LanguageCode, string? Text);
