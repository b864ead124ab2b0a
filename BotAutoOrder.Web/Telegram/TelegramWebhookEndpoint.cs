using System.Text.Json;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Security;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BotAutoOrder.Web.Telegram;

public static class TelegramWebhookEndpoint
{
    public const string Path = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<TelegramOptions> options, UpdatePipeline pipeline,
        WebhookRefusals refusals, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!);
        if (!SharedSecret.Matches(options.Value.WebhookSecret, http.Request.Headers[SecretHeader].ToString()))
        {
            // Only refusals are limited: a request with the right secret token is never turned away.
            if (refusals.Exhausted(http)) return WebhookRefusals.TooMany(http);
            log.LogWarning("Telegram webhook refused: bad or missing secret token from {Remote}", http.Connection.RemoteIpAddress);
            return refusals.Refuse(http, Results.Unauthorized());
        }
        if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        Update? update;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number)
                return Results.BadRequest(new { error = "body is not a Telegram Update (update_id missing)" });
            update = doc.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "malformed JSON" });
        }
        if (update is null) return Results.BadRequest(new { error = "empty update" });

        // Handle on the app's lifetime, not the request's: a dropped connection must not abandon half an update.
        await pipeline.ProcessAsync(update, lifetime.ApplicationStopping);
        return Results.Ok();
    }
}
