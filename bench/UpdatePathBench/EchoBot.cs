using System.Text.Json;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace UpdatePathBench;

/// <summary>
/// The yardstick: the least a webhook bot can do on the same stack. ASP.NET Core minimal API, the same secret-token
/// check as the shop (<see cref="SharedSecret"/>), <c>Telegram.Bot</c>'s Update model and client, one sendMessage per
/// update (the text or callback data echoed), no database. Runs in its own process (<c>UpdatePathBench echo …</c>).
/// </summary>
public static class EchoBot
{
    public static async Task RunAsync(string url, string apiBase, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddHttpClient("telegram")
            .AddTypedClient<ITelegramBotClient>(http => new TelegramBotClient(new TelegramBotClientOptions(FastBotApi.Token, apiBase) { RetryCount = 0 }, http));
        var app = builder.Build();
        app.MapGet("/health/live", () => Results.Ok());
        app.MapPost(TelegramWebhookEndpoint.Path, async (HttpContext http, ITelegramBotClient bot) =>
        {
            if (!SharedSecret.Matches(secret, http.Request.Headers[TelegramWebhookEndpoint.SecretHeader].ToString())) return Results.Unauthorized();
            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            var (chatId, text) = update switch
            {
                { Message: { } m } => (m.Chat.Id, m.Text),
                { CallbackQuery: { } q } => (q.Message?.Chat.Id ?? q.From.Id, q.Data),
                _ => (0L, null),
            };
            if (chatId != 0) await bot.SendMessage(chatId, string.IsNullOrEmpty(text) ? "?" : text, cancellationToken: http.RequestAborted);
            return Results.Ok();
        });
        await app.RunAsync();
    }
}
