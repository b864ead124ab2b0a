using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Telegram.Sending;

/// <summary>
/// A reply Telegram held back for longer than a buyer should wait in the update: written to the outbox's
/// <see cref="OutboxLane.Reply"/> lane as the exact Bot API call, due when <c>retry_after</c> has passed, so it is
/// sent once by whichever instance holds the outbox lease. Only JSON calls can be handed over (a photo upload is a
/// stream); those fail as before and the buyer gets the generic error text.
/// </summary>
public sealed class ReplyHandOver(IServiceScopeFactory scopes, IOptions<TelegramOptions> options, TimeProvider clock,
    ILogger<ReplyHandOver> log)
{
    /// <summary>How long after its due time a chat's hand-over still holds that chat's later replies back.</summary>
    private static readonly TimeSpan HoldAfterDue = TimeSpan.FromSeconds(10);

    // Chats with a reply in the outbox's reply lane, and when it is due: a later reply to the same chat must not
    // overtake it by going out directly once the flood wait has shrunk below the in-update limit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> _held = new();

    /// <summary>When a reply to this chat is waiting in the outbox (this instance handed it over), its due time; else null.</summary>
    public DateTimeOffset? HeldUntil(byte[]? body)
    {
        if (ChatIdOf(body) is not { } chatId || !_held.TryGetValue(chatId, out var due)) return null;
        if (due + HoldAfterDue > clock.GetUtcNow()) return due;
        _held.TryRemove(KeyValuePair.Create(chatId, due));
        return null;
    }

    /// <param name="dueAt">The end of the flood wait: every reply handed over during one wait gets the same due time, so they
    /// keep their order (by id) in the lane.</param>
    public async Task<bool> TryAsync(HttpRequestMessage request, string method, byte[]? body, DateTimeOffset dueAt, CancellationToken ct)
    {
        if (body is null || request.Content?.Headers.ContentType?.MediaType != "application/json"
            || ChatIdOf(body) is not { } chatId) return false;
        var bot = request.RequestUri?.AbsolutePath.Contains("/bot" + options.Value.OwnerBotToken + "/", StringComparison.Ordinal) == true
                  && !string.IsNullOrWhiteSpace(options.Value.OwnerBotToken) ? OutboxBot.Owner : OutboxBot.Shop;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage(chatId, OutboxKinds.ApiCall,
            JsonSerializer.Serialize(new ApiCallPayload(method, Encoding.UTF8.GetString(body))),
            now, bot, dueAtUtc: dueAt.UtcDateTime));
        await db.SaveChangesAsync(ct);
        _held.AddOrUpdate(chatId, dueAt, (_, held) => held > dueAt ? held : dueAt);
        log.LogWarning("Reply {Method} to {ChatId} handed to the outbox, due at {DueAt:O} (Telegram's retry_after)", method, chatId, dueAt);
        return true;
    }

    public static long? ChatIdOf(byte[]? body)
    {
        if (body is null) return null;
        try
        {
            var chat = JsonNode.Parse(body)?["chat_id"];
            if (chat is null) return null;
            return chat.GetValueKind() == JsonValueKind.Number ? chat.GetValue<long>()
                : long.TryParse(chat.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id
                    : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
