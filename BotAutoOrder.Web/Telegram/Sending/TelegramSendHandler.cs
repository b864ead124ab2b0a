using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// The one send path: every Bot API call of the shop and owner bots goes through this handler on the typed
/// <c>HttpClient</c>. For calls that send, edit or delete a message it applies Telegram's rules (see ADR-008):
/// a 429 <c>retry_after</c> pauses every lane for exactly that long; the outbox's lanes spend the bulk budget
/// (the outbox worker takes the token in lane order, other bot-started messages wait for one here); a reply to a buyer
/// never waits for the budget, takes a short 429 wait and tries again, and after a long one is handed to the outbox's
/// first lane (<see cref="ReplyHandOver"/>) instead of being lost. Outbox lanes get their 429 back: the row is
/// rescheduled, no slot waits.
/// </summary>
public sealed class TelegramSendHandler(SendGate gate, ReplyHandOver handOver, ShopMetrics metrics, ILogger<TelegramSendHandler> log)
    : DelegatingHandler
{
    /// <summary>A reply waits out a 429 up to this long; longer, it goes to the outbox.</summary>
    public static readonly TimeSpan ReplyRetryLimit = TimeSpan.FromSeconds(5);
    private const int ReplyAttempts = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var method = MethodOf(request.RequestUri);
        if (!IsMessageCall(method)) return await base.SendAsync(request, ct);
        var lane = SendLane.Lane;
        // Buffered once, so the same bytes can be sent again after a 429 (a request message cannot be sent twice).
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            // Telegram already asked this process to wait longer than a buyer should wait inside an update: the reply
            // queues behind the flood wait in the outbox's first lane instead of holding the update.
            // So does a reply to a chat whose earlier reply is already there, so the buyer's messages keep their order.
            if (lane is null && method != "answerCallbackQuery")
            {
                var held = handOver.HeldUntil(body);
                if ((gate.FloodWait > ReplyRetryLimit || held is not null)
                    && await handOver.TryAsync(request, method, body, held is { } h && h > gate.FloodUntil ? h : gate.FloodUntil, ct))
                    return Accepted(method, body);
            }
            await gate.WaitFloodAsync(ct);
            if (lane is null) gate.TakeIfFree();
            else if (!SendLane.TokenTaken) await gate.AcquireAsync(ct);
            // Paid broadcasts are outside the free ~30/s that the wire spacing protects; their own bucket paces them.
            if (lane is not null and not OutboxLane.Reply and not OutboxLane.PaidBulk) await gate.PaceWireAsync(ct);
            var response = await base.SendAsync(attempt == 1 ? request : Copy(request, body), ct);
            metrics.TelegramAnswered(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;

            var retryAfter = await RetryAfterAsync(response, ct);
            gate.FloodFor(retryAfter);
            log.LogWarning("Telegram asked to wait {RetryAfter} (429 on {Method}, lane {Lane}); every lane waits", retryAfter, method,
                lane?.ToString() ?? "reply");
            if (lane is not null) return response; // the outbox reschedules the row; no in-flight slot waits
            if (retryAfter <= ReplyRetryLimit && attempt < ReplyAttempts)
            {
                response.Dispose();
                continue;
            }
            if (method != "answerCallbackQuery" && await handOver.TryAsync(request, method, body, gate.FloodUntil, ct))
            {
                response.Dispose();
                return Accepted(method, body);
            }
            return response;
        }
    }

    /// <summary>Calls that put something in a chat (or take it away): the ones Telegram rate-limits.</summary>
    public static bool IsMessageCall(string method) =>
        method.StartsWith("send", StringComparison.Ordinal) || method.StartsWith("edit", StringComparison.Ordinal)
        || method.StartsWith("copy", StringComparison.Ordinal) || method.StartsWith("forward", StringComparison.Ordinal)
        || method is "deleteMessage" or "deleteMessages" or "answerCallbackQuery";

    private static string MethodOf(Uri? uri)
    {
        var path = uri?.AbsolutePath ?? "";
        return path[(path.LastIndexOf('/') + 1)..];
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version,
            VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers) copy.Headers.TryAddWithoutValidation(name, values);
        if (body is not null && request.Content is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content.Headers) copy.Content.Headers.TryAddWithoutValidation(name, values);
        }
        return copy;
    }

    private static async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            var seconds = json?["parameters"]?["retry_after"]?.GetValue<int>() ?? 1;
            return TimeSpan.FromSeconds(Math.Max(1, seconds));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return TimeSpan.FromSeconds(1); // a 429 without a readable retry_after: the shortest wait Telegram ever asks for
        }
    }

    /// <summary>What the caller sees for a handed-over reply: success, with a message id of 0 (the real one comes later).</summary>
    private static HttpResponseMessage Accepted(string method, byte[]? body)
    {
        JsonNode result = true;
        if (!method.StartsWith("delete", StringComparison.Ordinal))
        {
            var chat = ReplyHandOver.ChatIdOf(body) ?? 0;
            result = new JsonObject
            {
                ["message_id"] = 0,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
            };
        }
        var envelope = new JsonObject { ["ok"] = true, ["result"] = result };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }
}
