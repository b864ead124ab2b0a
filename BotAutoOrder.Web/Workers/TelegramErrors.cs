using Telegram.Bot.Exceptions;

namespace BotAutoOrder.Web.Workers;

/// <summary>Sorts Bot API failures into what the outbox does next.</summary>
public static class TelegramErrors
{
    public static SendResult Classify(Exception e) => e switch
    {
        ApiRequestException { ErrorCode: 429 } api =>
            new SendResult(SendOutcome.RateLimited, TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1)), api.Message),
        ApiRequestException { ErrorCode: 403 } api => new SendResult(SendOutcome.Blocked, Error: api.Message),
        ApiRequestException { ErrorCode: 400 } api when IsHarmlessEditError(api.Message) => SendResult.Ok,
        ApiRequestException { ErrorCode: 400 or 404 } api => new SendResult(SendOutcome.Rejected, Error: api.Message),
        ApiRequestException api => new SendResult(SendOutcome.Transient, Error: $"{api.ErrorCode}: {api.Message}"),
        RequestException or HttpRequestException or TaskCanceledException => new SendResult(SendOutcome.Transient, Error: e.Message),
        _ => new SendResult(SendOutcome.Transient, Error: e.GetType().Name + ": " + e.Message),
    };

    /// <summary>Editing a message that is already so, or gone: nothing left to do.</summary>
    private static bool IsHarmlessEditError(string message) =>
        message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
        || message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("message can't be edited", StringComparison.OrdinalIgnoreCase)
        || message.Contains("message to delete not found", StringComparison.OrdinalIgnoreCase);
}
