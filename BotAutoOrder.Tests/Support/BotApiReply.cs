using System.Text.Json.Nodes;

namespace BotAutoOrder.Tests.Support;

/// <summary>What the Bot API double answers: the documented success and error envelopes.</summary>
public sealed record BotApiReply(int HttpStatus, JsonObject Body)
{
    public static BotApiReply Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static BotApiReply Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return new BotApiReply(code, body);
    }

    public static BotApiReply TooManyRequests(int retryAfterSeconds) =>
        Error(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    public static BotApiReply Blocked() => Error(403, "Forbidden: bot was blocked by the user");

    public static BotApiReply BadRequest(string description = "Bad Request: can't parse entities") => Error(400, description);
}
