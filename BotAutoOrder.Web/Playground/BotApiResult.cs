using System.Text.Json.Nodes;

namespace BotAutoOrder.Web.Playground;

/// <summary>What an emulated Bot API method answers: a result, or Telegram's error code and description.</summary>
internal sealed record BotApiResult(int Status, JsonNode? Result, string? Description)
{
    public bool Ok => Status == 200;

    public static BotApiResult Success(JsonNode? result) => new(200, result, null);

    public static BotApiResult Fail(int code, string description) => new(code, null, description);
}
