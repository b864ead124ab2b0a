using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The Telegram Bot API, emulated in-process: the primary handler of the real <c>Telegram.Bot</c> client in
/// <c>Playground</c> mode. The bot's code path is the production one (same client, same serialisation, same
/// <c>{"ok":…}</c> envelopes and error codes); only the far end is this class, which writes into the
/// <see cref="PlaygroundStore"/> that the browser page shows. Stateless itself, so the HttpClient factory may create
/// and dispose it as it likes.
/// </summary>
public sealed class PlaygroundBotApi(PlaygroundStore store, ILogger<PlaygroundBotApi> log) : HttpMessageHandler
{
    /// <summary>Prefix of the <c>file_path</c> that <c>getFile</c> hands out.</summary>
    public const string FilePathPrefix = "playground/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A Bot API request needs a URI.");
        if (BotApiRequest.FilePathOf(uri) is { } path) return Download(path);
        if (BotApiRequest.MethodOf(uri) is not { } method) return Envelope(BotApiResult.Fail(404, "Not Found"));

        var call = await BotApiRequest.ReadAsync(request, method, ct);
        var result = Dispatch(call);
        if (!result.Ok)
        {
            log.LogWarning("Playground Bot API refused {Method}: {Code} {Description}", method, result.Status, result.Description);
            if (call.Long("chat_id") is { } chatId)
                store.Add(chatId, PlaygroundAuthor.System, m => m with { Text = $"⚠️ {method} → {result.Status} {result.Description}" });
        }
        return Envelope(result);
    }

    private BotApiResult Dispatch(BotApiRequest call)
    {
        var methods = new PlaygroundBotMethods(store, call);
        return call.Method.ToLowerInvariant() switch
        {
            "getme" => BotApiResult.Success(PlaygroundJson.BotUser()),
            "setwebhook" or "deletewebhook" or "setmycommands" or "deletemycommands" => BotApiResult.Success(true),
            "getwebhookinfo" =>
                BotApiResult.Success(new JsonObject { ["url"] = "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
            "sendmessage" => methods.SendMessage(),
            "sendphoto" => methods.SendMedia("photo"),
            "senddocument" => methods.SendMedia("document"),
            "editmessagetext" => methods.EditText(),
            "editmessagecaption" => methods.EditCaption(),
            "editmessagereplymarkup" => methods.EditReplyMarkup(),
            "deletemessage" => methods.Delete(),
            "answercallbackquery" => AnswerCallback(call),
            "getfile" => GetFile(call),
            _ => BotApiResult.Fail(404, "Not Found: method not found"),
        };
    }

    private BotApiResult AnswerCallback(BotApiRequest call)
    {
        var text = call.Str("text");
        if (text is { Length: > 200 }) return BotApiResult.Fail(400, "Bad Request: MESSAGE_TOO_LONG");
        return store.AnswerCallback(call.Str("callback_query_id") ?? "", text, call.Bool("show_alert"))
            ? BotApiResult.Success(true)
            : BotApiResult.Fail(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    private BotApiResult GetFile(BotApiRequest call) =>
        store.FileOf(call.Str("file_id") ?? "") is { } file
            ? BotApiResult.Success(new JsonObject
            {
                ["file_id"] = file.FileId, ["file_unique_id"] = "u" + file.FileId, ["file_size"] = file.Bytes.Length,
                ["file_path"] = FilePathPrefix + file.FileId,
            })
            : BotApiResult.Fail(400, "Bad Request: invalid file_id");

    private HttpResponseMessage Download(string path)
    {
        if (!path.StartsWith(FilePathPrefix, StringComparison.Ordinal) || store.FileOf(path[FilePathPrefix.Length..]) is not { } file)
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("Not Found") };
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new(file.ContentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static HttpResponseMessage Envelope(BotApiResult result)
    {
        var body = result.Ok
            ? new JsonObject { ["ok"] = true, ["result"] = result.Result }
            : new JsonObject { ["ok"] = false, ["error_code"] = result.Status, ["description"] = result.Description };
        return new HttpResponseMessage((HttpStatusCode)result.Status)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }
}
