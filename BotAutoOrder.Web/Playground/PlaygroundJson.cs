using System.Text.Json.Nodes;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// Telegram's wire shapes for playground data: a stored message as a Bot API <c>Message</c> (what the bot gets back from
/// sendMessage and inside a callback query), and keyboards read from a <c>reply_markup</c>. Deserialised by the real
/// <c>Telegram.Bot</c> types on the other side, so the shapes follow the Bot API exactly.
/// </summary>
public static class PlaygroundJson
{
    public const long BotId = 1;
    public const string BotUsername = "playground_bot";

    public static JsonObject BotUser() => new()
    {
        ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Playground Bot", ["username"] = BotUsername,
        ["can_join_groups"] = false, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = false,
    };

    public static JsonObject User(PlaygroundProfile p) => new()
    {
        ["id"] = p.UserId, ["is_bot"] = false, ["first_name"] = p.FirstName, ["language_code"] = p.LanguageCode,
    };

    public static JsonObject Message(PlaygroundMessage m, PlaygroundProfile? buyer)
    {
        var chat = new JsonObject { ["id"] = m.ChatId, ["type"] = "private" };
        if (buyer is not null) chat["first_name"] = buyer.FirstName;
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["from"] = m.Author == PlaygroundAuthor.Buyer && buyer is not null ? User(buyer) : BotUser(),
            ["date"] = m.Date.ToUnixTimeSeconds(),
            ["chat"] = chat,
        };
        if (m.Edited) json["edit_date"] = m.Date.ToUnixTimeSeconds();
        if (m.Text is not null) json["text"] = m.Text;
        if (m.Text is ['/', ..] && m.Author == PlaygroundAuthor.Buyer)
            json["entities"] =
                new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = m.Text.Split(' ')[0].Length });
        if (m.Caption is not null) json["caption"] = m.Caption;
        if (m.Photo is { } photo)
            json["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = photo.FileId, ["file_unique_id"] = "u" + photo.FileId, ["width"] = 512, ["height"] = 512,
                    ["file_size"] = photo.Bytes.Length,
            });
        if (m.Document is { } doc)
            json["document"] = new JsonObject
            {
                ["file_id"] = doc.FileId, ["file_unique_id"] = "u" + doc.FileId, ["file_name"] = doc.FileName,
                ["mime_type"] = doc.ContentType, ["file_size"] = doc.Bytes.Length,
            };
        if (m.InlineKeyboard.Count > 0) json["reply_markup"] = InlineMarkup(m.InlineKeyboard);
        return json;
    }

    public static JsonObject InlineMarkup(IReadOnlyList<IReadOnlyList<PlaygroundButton>> rows) => new()
    {
        ["inline_keyboard"] = new JsonArray(rows.Select(row => (JsonNode)new JsonArray(row.Select(b =>
        {
            var button = new JsonObject { ["text"] = b.Text };
            if (b.CallbackData is not null) button["callback_data"] = b.CallbackData;
            if (b.Url is not null) button["url"] = b.Url;
            return (JsonNode)button;
        }).ToArray())).ToArray()),
    };

    /// <summary>The inline keyboard of a <c>reply_markup</c>; empty for none or for a reply keyboard.</summary>
    public static IReadOnlyList<IReadOnlyList<PlaygroundButton>> InlineKeyboardOf(JsonNode? markup) =>
        markup is JsonObject { } o && o["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().Select(row => (IReadOnlyList<PlaygroundButton>)row.OfType<JsonObject>()
                .Select(b => new PlaygroundButton(b["text"]?.ToString() ?? "", b["callback_data"]?.ToString(), b["url"]?.ToString()))
                .ToList()).Where(r => r.Count > 0).ToList()
            : [];

    /// <summary>
    /// What a <c>reply_markup</c> does to the reply keyboard: <c>(true, rows)</c> shows one, <c>(true, null)</c> removes
    /// it (<c>remove_keyboard</c>), <c>(false, _)</c> leaves it as it is.
    /// </summary>
    public static (bool Changes, IReadOnlyList<IReadOnlyList<string>>? Rows) ReplyKeyboardOf(JsonNode? markup)
    {
        if (markup is not JsonObject o) return (false, null);
        if (o["remove_keyboard"] is not null) return (true, null);
        if (o["keyboard"] is not JsonArray rows) return (false, null);
        return (true, rows.OfType<JsonArray>()
            .Select(row => (IReadOnlyList<string>)row.Select(b => b is JsonObject k ? k["text"]?.ToString() ?? "" : b?.ToString()
                ?? "").ToList())
            .ToList());
    }
}
