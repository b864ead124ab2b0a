using System.Text;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The message methods of the emulated Bot API, with Telegram's own checks (length limits, HTML parse errors, "message
/// to edit not found", "message is not modified") so the playground fails where Telegram would.
/// </summary>
internal sealed class PlaygroundBotMethods(PlaygroundStore store, BotApiRequest call)
{
    private const string AttachPrefix = "attach://";
    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content " +
        "and reply markup of the message";

    public BotApiResult SendMessage()
    {
        if (call.Long("chat_id") is not { } chatId) return BotApiResult.Fail(400, "Bad Request: chat not found");
        var text = call.Str("text") ?? "";
        if (CheckText(text, TelegramLimits.MessageText, "message text", "message is too long") is { } error) return error;
        var markup = call.Parameters["reply_markup"];
        var message = store.Add(chatId, PlaygroundAuthor.Bot, m => m with
        {
            Text = text, ParseMode = call.Str("parse_mode"), InlineKeyboard = PlaygroundJson.InlineKeyboardOf(markup),
        });
        return Sent(message, markup);
    }

    /// <summary>sendPhoto / sendDocument: an uploaded file (multipart) or the file_id of one the playground already holds.</summary>
    public BotApiResult SendMedia(string kind)
    {
        if (call.Long("chat_id") is not { } chatId) return BotApiResult.Fail(400, "Bad Request: chat not found");
        var caption = call.Str("caption");
        if (caption is not null
            && CheckText(caption, TelegramLimits.Caption, "caption", "message caption is too long",
            allowEmpty: true) is { } error) return error;
        PlaygroundFile? file;
        // Telegram.Bot names the file part and puts "attach://<part>" in the field, as the Bot API allows.
        var reference = call.Str(kind);
        if (call.Files.TryGetValue(kind, out var upload)
            || (reference?.StartsWith(AttachPrefix, StringComparison.Ordinal) == true
                && call.Files.TryGetValue(reference[AttachPrefix.Length..], out upload)))
        {
            var limit = kind == "photo" ? TelegramLimits.PhotoBytes : TelegramLimits.DocumentBytes;
            if (upload.Bytes.Length == 0) return BotApiResult.Fail(400, $"Bad Request: file must be non-empty");
            if (upload.Bytes.Length > limit) return BotApiResult.Fail(413, "Request Entity Too Large");
            file = store.AddFile(kind, upload.FileName, ContentTypes.Of(upload.FileName, upload.ContentType, upload.Bytes), upload.Bytes);
        }
        else if (reference is not null && store.FileOf(reference) is { } known) file = known;
        else return BotApiResult.Fail(400,
            "Bad Request: wrong file identifier/HTTP URL specified (the playground keeps only files uploaded to it)");

        var markup = call.Parameters["reply_markup"];
        var message = store.Add(chatId, PlaygroundAuthor.Bot, m => m with
        {
            Caption = caption, ParseMode = call.Str("parse_mode"), InlineKeyboard = PlaygroundJson.InlineKeyboardOf(markup),
            Photo = kind == "photo" ? file : null, Document = kind == "document" ? file : null,
        });
        return Sent(message, markup);
    }

    public BotApiResult EditText()
    {
        var text = call.Str("text") ?? "";
        if (CheckText(text, TelegramLimits.MessageText, "message text", "message is too long") is { } error) return error;
        return Edit(m => m.Text is null ? "Bad Request: there is no text in the message to edit" : null,
            m => m with { Text = text, ParseMode = call.Str("parse_mode") });
    }

    public BotApiResult EditCaption()
    {
        var caption = call.Str("caption") ?? "";
        if (CheckText(caption, TelegramLimits.Caption, "caption", "message caption is too long",
            allowEmpty: true) is { } error) return error;
        return Edit(m => m.Photo is null && m.Document is null ? "Bad Request: there is no caption in the message to edit" : null,
            m => m with { Caption = caption.Length == 0 ? null : caption, ParseMode = call.Str("parse_mode") });
    }

    public BotApiResult EditReplyMarkup() => Edit(_ => null, m => m);

    public BotApiResult Delete()
    {
        var deleted = call.Long("chat_id") is { } chatId && call.Long("message_id") is { } id
            ? store.Change(chatId, (int)id, m => m with { Deleted = true })
            : null;
        return deleted is null ? BotApiResult.Fail(400, "Bad Request: message to delete not found") : BotApiResult.Success(true);
    }

    /// <summary>
    /// Applies an edit in place. As in Telegram, an edit without <c>reply_markup</c> removes the inline keyboard, and an
    /// edit that changes nothing is refused.
    /// </summary>
    private BotApiResult Edit(Func<PlaygroundMessage, string?> refuse, Func<PlaygroundMessage, PlaygroundMessage> change)
    {
        if (call.Str("inline_message_id") is not null) return BotApiResult.Fail(400,
            "Bad Request: inline messages are not part of the playground");
        if (call.Long("chat_id") is not { } chatId || call.Long("message_id") is not { } id
            || store.Find(chatId, (int)id) is not { } current)
            return BotApiResult.Fail(400, "Bad Request: message to edit not found");
        if (current.Author != PlaygroundAuthor.Bot) return BotApiResult.Fail(400, "Bad Request: message can't be edited");
        if (refuse(current) is { } reason) return BotApiResult.Fail(400, reason);

        var keyboard = PlaygroundJson.InlineKeyboardOf(call.Parameters["reply_markup"]);
        var next = change(current) with { InlineKeyboard = keyboard, Edited = true };
        if (next.Text == current.Text && next.Caption == current.Caption && SameKeyboard(next, current))
            return BotApiResult.Fail(400, NotModified);
        var edited = store.Change(chatId, (int)id, _ => next);
        return edited is null
            ? BotApiResult.Fail(400, "Bad Request: message to edit not found")
            : BotApiResult.Success(PlaygroundJson.Message(edited, store.ProfileOf(chatId)));
    }

    private BotApiResult Sent(PlaygroundMessage message, JsonNode? markup)
    {
        var (changes, rows) = PlaygroundJson.ReplyKeyboardOf(markup);
        if (changes) store.SetReplyKeyboard(message.ChatId, rows);
        return BotApiResult.Success(PlaygroundJson.Message(message, store.ProfileOf(message.ChatId)));
    }

    private BotApiResult? CheckText(string text, int max, string what, string tooLong, bool allowEmpty = false)
    {
        var html = string.Equals(call.Str("parse_mode"), "HTML", StringComparison.OrdinalIgnoreCase);
        if (!allowEmpty && string.IsNullOrWhiteSpace(text)) return BotApiResult.Fail(400, $"Bad Request: {what} is empty");
        var check = html ? TelegramHtml.Check(text, max) : null;
        if (check is { Problem: not (HtmlProblem.None or HtmlProblem.Empty or HtmlProblem.TooLong) })
            return BotApiResult.Fail(400, $"Bad Request: can't parse entities: {ParseError(text, check)}");
        return (check?.Length ?? text.Length) > max ? BotApiResult.Fail(400, $"Bad Request: {tooLong}") : null;
    }

    /// <summary>The reason as Telegram words it (offsets in UTF-8 bytes).</summary>
    private static string ParseError(string text, HtmlCheck check)
    {
        var offset = Encoding.UTF8.GetByteCount(text.AsSpan(0, check.Position));
        return check.Problem switch
        {
            HtmlProblem.UnexpectedClose => $"Unexpected end tag at byte offset {offset}",
            HtmlProblem.Unclosed => $"Can't find end tag corresponding to start tag \"{check.Detail}\"",
            HtmlProblem.BareLessThan => $"Unclosed start tag at byte offset {offset}",
            HtmlProblem.UnknownEntity => $"Unsupported HTML entity \"{check.Detail}\" at byte offset {offset}",
            _ => $"Unsupported start tag \"{check.Detail}\" at byte offset {offset}",
        };
    }

    private static bool SameKeyboard(PlaygroundMessage a, PlaygroundMessage b) =>
        PlaygroundJson.InlineMarkup(a.InlineKeyboard).ToJsonString() == PlaygroundJson.InlineMarkup(b.InlineKeyboard).ToJsonString();
}
