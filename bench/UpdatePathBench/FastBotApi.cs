using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdatePathBench;

/// <summary>
/// A Bot API double that costs next to nothing: canned JSON bytes per method, the request body drained unparsed, and a
/// counter. The tests' <c>BotApiDouble</c> parses and records every call, which at thousands of calls a second would be
/// what the benchmark measures. Both bots under test talk to this one instance.
/// </summary>
public sealed class FastBotApi : IAsyncDisposable
{
    public const string Token = "123456:bench-token";
    private static readonly byte[] Message = Encoding.UTF8.GetBytes(
        """{"ok":true,"result":{"message_id":7,"date":1764460800,"chat":{"id":1,"type":"private"},"text":"ok"}}""");
    private static readonly byte[] True = Encoding.UTF8.GetBytes("""{"ok":true,"result":true}""");
    private static readonly byte[] Me = Encoding.UTF8.GetBytes(
        """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"Bench Bot","username":"bench_bot"}}""");
    private static readonly byte[] WebhookInfo = Encoding.UTF8.GetBytes(
        """{"ok":true,"result":{"url":"","has_custom_certificate":false,"pending_update_count":0}}""");
    private readonly WebApplication _app;
    private long _messages;
    private long _calls;

    private FastBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>sendMessage/sendPhoto/edit* calls so far (what a buyer sees).</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Every call so far (answerCallbackQuery, setWebhook, … included).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<FastBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FastBotApi(app);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        app.MapGet("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        await http.Request.Body.CopyToAsync(Stream.Null);
        Interlocked.Increment(ref _calls);
        byte[] body;
        if (method.StartsWith("send", StringComparison.OrdinalIgnoreCase) || method.StartsWith("edit", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _messages);
            body = Message;
        }
        else if (method.Equals("getMe", StringComparison.OrdinalIgnoreCase)) body = Me;
        else if (method.Equals("getWebhookInfo", StringComparison.OrdinalIgnoreCase)) body = WebhookInfo;
        else body = True;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
