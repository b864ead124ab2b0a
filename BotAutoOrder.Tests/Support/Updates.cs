using System.Text.Json.Nodes;

namespace BotAutoOrder.Tests.Support;

/// <summary>Builds Telegram <c>Update</c> JSON the way Telegram sends it.</summary>
public static class Updates
{
    private static int _nextId = 500_000;

    public static int NextId() => Interlocked.Increment(ref _nextId);

    public static JsonObject User(long id, string firstName, string? lastName = null, string? username = null, string? languageCode = "id") =>
        new()
        {
            ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["last_name"] = lastName,
            ["username"] = username, ["language_code"] = languageCode,
        };

    public static string Text(long userId, string text, string firstName = "Budi", string? languageCode = "id", int? updateId = null,
        string? lastName = null, string? username = null) =>
        new JsonObject
        {
            ["update_id"] = updateId ?? NextId(),
            ["message"] = new JsonObject
            {
                ["message_id"] = NextId(),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = firstName },
                ["from"] = User(userId, firstName, lastName, username, languageCode),
                ["text"] = text,
            },
        }.ToJsonString();

    public static string Callback(long userId, string data, int messageId = 1, string firstName = "Budi", string? languageCode = "id", int? updateId = null) =>
        new JsonObject
        {
            ["update_id"] = updateId ?? NextId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cbq-{NextId()}",
                ["from"] = User(userId, firstName, languageCode: languageCode),
                ["chat_instance"] = "ci-1",
                ["data"] = data,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" },
                    ["text"] = "menu",
                },
            },
        }.ToJsonString();

    public static string MyChatMember(long userId, string newStatus, int? updateId = null) =>
        new JsonObject
        {
            ["update_id"] = updateId ?? NextId(),
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" },
                ["from"] = User(userId, "Budi"),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = User(123456, "Toko Bot") },
                ["new_chat_member"] = newStatus == "kicked"
                    ? new JsonObject { ["status"] = "kicked", ["user"] = User(123456, "Toko Bot"), ["until_date"] = 0 }
                    : new JsonObject { ["status"] = newStatus, ["user"] = User(123456, "Toko Bot") },
            },
        }.ToJsonString();
}
