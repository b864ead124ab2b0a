using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Messaging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// Sends a handed-over reply (<see cref="OutboxKinds.ApiCall"/>) exactly as the client had built it, through the same
/// typed <c>HttpClient</c> and so the same send path. A Bot API error becomes the client's own exception, so the outbox
/// classifies it like any other.
/// </summary>
public sealed class ApiCallRenderer(IHttpClientFactory http, IOptions<TelegramOptions> options) : IOutboxRenderer
{
    public string Kind => OutboxKinds.ApiCall;

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var call = JsonSerializer.Deserialize<ApiCallPayload>(message.PayloadJson)
            ?? throw new InvalidOperationException($"outbox {message.Id}: empty payload");
        var o = options.Value;
        var token = message.Bot == OutboxBot.Owner && !string.IsNullOrWhiteSpace(o.OwnerBotToken) ? o.OwnerBotToken : o.EffectiveToken;
        using var httpClient = http.CreateClient(TelegramSetup.HttpClientName);
        using var content = new StringContent(call.Json, Encoding.UTF8, "application/json");
        using var response = await httpClient.PostAsync($"{o.ApiBaseUrl.TrimEnd('/')}/bot{token}/{call.Method}", content, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        if (body?["ok"]?.GetValue<bool>() == true) return;
        var retryAfter = body?["parameters"]?["retry_after"]?.GetValue<int>();
        throw new ApiRequestException(body?["description"]?.GetValue<string>() ?? response.ReasonPhrase ?? "Bot API error",
            body?["error_code"]?.GetValue<int>() ?? (int)response.StatusCode,
                retryAfter is null ? null : new ResponseParameters { RetryAfter = retryAfter });
    }
}
