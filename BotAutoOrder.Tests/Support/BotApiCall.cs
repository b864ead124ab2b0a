using System.Text.Json.Nodes;

namespace BotAutoOrder.Tests.Support;

/// <summary>One request the bot made to the Bot API double: the method and its parameters (JSON or multipart fields).</summary>
public sealed record BotApiCall(long Sequence, string Method, JsonObject Parameters, IReadOnlyDictionary<string, byte[]> Files, DateTimeOffset At)
{
    /// <summary>Which app instance made the call, when it used <see cref="BotApiDouble.InstanceToken"/> (else empty).</summary>
    public string Instance { get; init; } = "";

    public long? ChatId => Parameters["chat_id"] is { } c && long.TryParse(c.ToString(), out var id) ? id : null;
    public string? Text => Parameters["text"]?.ToString() ?? Parameters["caption"]?.ToString();
    public string? Str(string name) => Parameters[name]?.ToString();

    /// <summary>The uploaded file behind a parameter (directly, or through <c>attach://name</c> as Telegram.Bot sends it).</summary>
    public byte[] FileOf(string parameter)
    {
        if (Files.TryGetValue(parameter, out var direct)) return direct;
        var value = Str(parameter);
        if (value is not null && value.StartsWith("attach://", StringComparison.Ordinal) && Files.TryGetValue(value["attach://".Length..], out var attached))
            return attached;
        throw new KeyNotFoundException($"No upload for '{parameter}' (parts: {string.Join(", ", Files.Keys)}; value: {value})");
    }

    /// <summary>The labels of every button in <c>reply_markup</c> (inline or reply keyboard), row by row.</summary>
    public IReadOnlyList<string> ButtonTexts() =>
        Parameters["reply_markup"] is JsonObject markup && (markup["inline_keyboard"] ?? markup["keyboard"]) is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r).Select(b => b is JsonObject o ? o["text"]?.ToString() ?? "" : b?.ToString() ?? "").ToList()
            : [];

    /// <summary>The <c>callback_data</c> of every inline button.</summary>
    public IReadOnlyList<string> CallbackDatas() =>
        Parameters["reply_markup"] is JsonObject markup && markup["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r).OfType<JsonObject>().Select(b => b["callback_data"]?.ToString()).OfType<string>().ToList()
            : [];
}
