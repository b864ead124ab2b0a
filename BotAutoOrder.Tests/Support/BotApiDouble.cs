using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A Telegram Bot API test double on 127.0.0.1 that the real <c>Telegram.Bot</c> client talks to over HTTP.
/// Answers <c>{"ok":true,"result":…}</c> in the documented shapes, records every call, and can be told to fail:
/// 429 with <c>retry_after</c>, 403 blocked, 400.
/// </summary>
public sealed partial class BotApiDouble : IAsyncDisposable
{
    public const string Token = "123456:TEST-abcdefghijklmnopqrstuvwxyz0123";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly ConcurrentQueue<FailureRule> _failures = new();
    private long _sequence;
    private int _messageId = 1000;

    private BotApiDouble(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public IReadOnlyList<BotApiCall> Calls => _calls.ToArray();

    /// <summary>
    /// Network latency of every call, as from a server far from Telegram's data centre: half before the call is recorded
    /// (the request on its way), half before the answer (the response on its way back).
    /// </summary>
    public TimeSpan RoundTrip { get; set; }

    /// <summary>
    /// Up to this much more round trip, drawn per call (real round trips vary): two calls sent together may be answered,
    /// and recorded, in either order.
    /// </summary>
    public TimeSpan RoundTripJitter { get; set; }

    /// <summary>When set, decides an answer for a call before the default (for rate-limit and blocked-chat scenarios).</summary>
    public Func<BotApiCall, BotApiReply?>? Responder { get; set; }

    public static async Task<BotApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var double_ = new BotApiDouble(app);
        app.Map("/bot{token}/{method}", (HttpContext http, string token, string method) => double_.HandleAsync(http, token, method, ""));
        app.MapGet("/file/bot{token}/{**filePath}", double_.HandleFileAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        double_.BaseUrl = address.TrimEnd('/');
        return double_;
    }

    /// <summary>
    /// A bot token for one app instance (<c>Telegram:BotToken</c>), so the calls it makes are told apart
    /// (<see cref="BotApiCall.Instance"/>). A token and not a URL path: <c>Telegram.Bot</c> keeps only the scheme, host and
    /// port of its base URL, so a path would silently make every instance look the same.
    /// </summary>
    public static string InstanceToken(string instance) => $"{Token}-i{instance}";

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> (optionally to one chat) fail this way.</summary>
    public void FailNext(string method, BotApiReply reply, long? chatId = null, int times = 1) =>
        _failures.Enqueue(new FailureRule(method, chatId, reply, times));

    public IReadOnlyList<BotApiCall> CallsOf(string method, long? chatId = null) =>
        Calls.Where(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (chatId is null || c.ChatId == chatId)).ToList();

    /// <summary>Polls until a matching call was recorded, or fails after the deadline.</summary>
    public async Task<BotApiCall> WaitForAsync(Func<BotApiCall, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = Calls.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"The bot never made the expected Bot API call ({what ?? "predicate"}). Calls: " +
                                   string.Join(", ", Calls.Select(c => c.Method)));
    }

    public void Reset()
    {
        _calls.Clear();
        _failures.Clear();
        Responder = null;
        RoundTrip = TimeSpan.Zero;
        RoundTripJitter = TimeSpan.Zero;
    }

    private async Task HandleAsync(HttpContext http, string token, string method, string instance)
    {
        var latency = (RoundTrip + RoundTripJitter * Random.Shared.NextDouble()) / 2;
        if (latency > TimeSpan.Zero) await Task.Delay(latency);
        if (token.StartsWith(Token + "-i", StringComparison.Ordinal))
            (token, instance) = (Token, token[(Token.Length + 2)..]);
        var call = await ReadCallAsync(http, method) with { Instance = instance };
        _calls.Enqueue(call);
        BotApiReply reply;
        if (token != Token) reply = BotApiReply.Error(401, "Unauthorized");
        else reply = TakeFailure(call) ?? Responder?.Invoke(call) ?? DefaultReply(call);
        if (latency > TimeSpan.Zero) await Task.Delay(latency);
        http.Response.StatusCode = reply.HttpStatus;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply.Body.ToJsonString());
    }

    private readonly ConcurrentQueue<string> _updates = new();

    /// <summary>An update the bot will receive from its next <c>getUpdates</c> (polling mode).</summary>
    public void QueueUpdate(string updateJson) => _updates.Enqueue(updateJson);

    private JsonArray TakeUpdates()
    {
        // Long polling, briefly: wait up to a second for an update rather than answering an empty list at once.
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (_updates.IsEmpty && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var updates = new JsonArray();
        while (_updates.TryDequeue(out var json)) updates.Add(JsonNode.Parse(json));
        return updates;
    }

    private BotApiReply? TakeFailure(BotApiCall call)
    {
        foreach (var rule in _failures)
        {
            if (!rule.Method.Equals(call.Method, StringComparison.OrdinalIgnoreCase) || (rule.ChatId is { } c && c != call.ChatId)) continue;
            if (Interlocked.Decrement(ref rule.Remaining) >= 0) return rule.Reply;
        }
        return null;
    }

    private BotApiReply DefaultReply(BotApiCall call)
    {
        switch (call.Method.ToLowerInvariant())
        {
            case "getme":
                return BotApiReply.Ok(new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Toko Bot", ["username"] = "toko_test_bot" });
            case "sendmessage" or "sendphoto" or "senddocument" or "editmessagetext" or "editmessagecaption" or "editmessagereplymarkup":
                return BotApiReply.Ok(MessageFor(call));
            case "getupdates":
                return BotApiReply.Ok(TakeUpdates());
            case "getwebhookinfo":
                return BotApiReply.Ok(new JsonObject { ["url"] = "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 });
            case "getfile":
                return BotApiReply.Ok(new JsonObject { ["file_id"] = call.Str("file_id"), ["file_unique_id"] = "u1", ["file_size"] = 3, ["file_path"] = "photos/file_1.jpg" });
            default:
                return BotApiReply.Ok(true);
        }
    }

    private JsonObject MessageFor(BotApiCall call)
    {
        var id = call.Parameters["message_id"] is { } existing ? int.Parse(existing.ToString()) : Interlocked.Increment(ref _messageId);
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = call.ChatId ?? 0, ["type"] = "private" },
        };
        if (call.Parameters["text"] is { } text) message["text"] = text.ToString();
        if (call.Parameters["caption"] is { } caption) message["caption"] = caption.ToString();
        if (call.Method.Equals("sendPhoto", StringComparison.OrdinalIgnoreCase))
            message["photo"] = new JsonArray(new JsonObject { ["file_id"] = $"photo-{id}", ["file_unique_id"] = $"p{id}", ["width"] = 300, ["height"] = 300 });
        if (call.Method.Equals("sendDocument", StringComparison.OrdinalIgnoreCase))
            message["document"] = new JsonObject { ["file_id"] = $"doc-{id}", ["file_unique_id"] = $"d{id}" };
        return message;
    }

    private async Task<BotApiCall> ReadCallAsync(HttpContext http, string method)
    {
        var parameters = new JsonObject();
        var files = new Dictionary<string, byte[]>();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            foreach (var (key, value) in form) parameters[key] = ParseValue(value.ToString());
            foreach (var file in form.Files)
            {
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                files[file.Name] = ms.ToArray();
            }
        }
        else if (http.Request.ContentLength is > 0 || http.Request.ContentType?.Contains("json") == true)
        {
            var node = await JsonNode.ParseAsync(http.Request.Body);
            if (node is JsonObject obj) parameters = obj;
        }
        foreach (var (key, value) in http.Request.Query) parameters[key] ??= ParseValue(value.ToString());
        return new BotApiCall(Interlocked.Increment(ref _sequence), method, parameters, files, DateTimeOffset.UtcNow);
    }

    private static JsonNode? ParseValue(string raw)
    {
        if (raw.Length > 0 && (raw[0] == '{' || raw[0] == '['))
        {
            try { return JsonNode.Parse(raw); } catch (JsonException) { /* not JSON after all: keep it as a string */ }
        }
        return JsonValue.Create(raw);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class FailureRule(string method, long? chatId, BotApiReply reply, int times)
    {
        public string Method { get; } = method;
        public long? ChatId { get; } = chatId;
        public BotApiReply Reply { get; } = reply;
        public int Remaining = times;
    }
}
