using BotAutoOrder.Web.Telegram;
using Microsoft.Extensions.Options;

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
        if (mode == TelegramMode.Playground)
            services.AddHttpClient(TelegramSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PlaygroundBotApi>());
        return services;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.EffectiveMode != TelegramMode.Playground) return app;

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
