using BotAutoOrder.Web.Telegram;
using Microsoft.Extensions.Options;
using Serilog.AspNetCore;
using Serilog.Events;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The embedded default's bot: without a bot token the app runs in <c>Playground</c> mode, the real Telegram client
/// talks to <see cref="PlaygroundBotApi"/> in-process, and <c>/playground</c> lets a newcomer use the shop bot in the
/// browser. In any other mode nothing of it is mapped (the routes answer 404).
/// </summary>
public static class PlaygroundSetup
{
    public const string Path = "/playground";

    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<PlaygroundStore>();
        services.AddTransient<PlaygroundBotApi>();
        var mode = (config.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new()).EffectiveMode;
        if (mode != TelegramMode.Playground) return services;

        services.AddHttpClient(TelegramSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
            sp.GetRequiredService<PlaygroundBotApi>());
        // The page polls every second: a successful poll is not worth a request log line.
        services.PostConfigure<RequestLoggingOptions>(o =>
        {
            var level = o.GetLevel;
            o.GetLevel = (http, ms, error) => error is null && http.Response.StatusCode < 400
                && http.Request.Path.StartsWithSegments(Path + "/api/chat")
                ? LogEventLevel.Verbose
                : level(http, ms, error);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.EffectiveMode != TelegramMode.Playground) return app;

        app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundSetup).FullName!)
            .LogInformation("Playground mode (no Telegram:BotToken): open {Path} in a browser to talk to the shop bot", Path);
        var group = app.MapGroup(Path).ExcludeFromDescription();
        group.MapGet("", PlaygroundViews.Page);
        group.MapGet("/assets/{name}", PlaygroundViews.Asset);
        group.MapGet("/api/chat", PlaygroundViews.Chat);
        group.MapGet("/files/{fileId}", PlaygroundViews.File);
        group.MapPost("/api/send", PlaygroundBuyerApi.SendAsync);
        group.MapPost("/api/click", PlaygroundBuyerApi.ClickAsync);
        group.MapPost("/api/photo", PlaygroundBuyerApi.PhotoAsync).DisableAntiforgery();
        return app;
    }
}
