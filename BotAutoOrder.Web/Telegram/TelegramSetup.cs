using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.OutboxRenderers;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Sending;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram;

public static class TelegramSetup
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// The real <see cref="ITelegramBotClient"/> as a typed HttpClient honouring <c>Telegram:ApiBaseUrl</c>, the update
    /// pipeline, and the mode's hosted service (setWebhook or polling).
    /// </summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TelegramOptions>().Bind(config.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        // The one send path (ADR-008): every Bot API call of the shop and owner bots passes TelegramSendHandler.
        services.AddSingleton<ChatPacer>();
        services.AddSingleton<SendGate>();
        services.AddSingleton<ReplyHandOver>();
        services.AddTransient<TelegramSendHandler>();
        services.AddOutboxRenderers();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(65))
            .AddHttpMessageHandler<TelegramSendHandler>()
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                // RetryCount 0: TelegramSendHandler decides about 429s (replies wait or go to the outbox, outbox rows reschedule).
                return new TelegramBotClient(new TelegramBotClientOptions(o.EffectiveToken, o.ApiBaseUrl) { RetryCount = 0 }, http);
            });

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return new NotificationTargets(o.AdminIdList, o.OwnerIdList);
        });
        services.AddSingleton<BotTexts>();
        services.AddSingleton<UpdatePipeline>();
        services.AddScoped<UpdateHandler>();
        services.AddScoped<BuyerGate>();
        services.AddScoped<MessageRouter>();
        services.AddScoped<CallbackRouter>();
        services.AddScoped<MainMenu>();
        services.AddScoped<StartScreen>();
        services.AddScoped<Buttons>();
        services.AddScoped<ScreenSender>();
        services.AddScoped<CatalogScreen>();
        services.AddScoped<ProductExtras>();
        services.AddScoped<RestockScreen>();
        services.AddScoped<SearchScreen>();
        services.AddScoped<TestimonialScreen>();
        services.AddScoped<ShopExtrasRouter>();
        services.AddScoped<CartScreen>();
        services.AddScoped<CheckoutScreen>();
        services.AddScoped<AccountScreen>();
        services.AddScoped<TermsScreen>();
        services.AddScoped<ClaimScreen>();
        services.AddSingleton<SpamGuard>();
        services.AddScoped<InvoiceCaptions>();
        services.AddScoped<DeliveryRenderer>();
        services.AddScoped<QrSender>();
        services.AddScoped<AdminNotices>();
        services.AddScoped<VoucherTexts>();
        services.AddSingleton<OwnerBot>();

        var mode = (config.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new()).EffectiveMode;
        if (mode == TelegramMode.Webhook) services.AddHostedService<WebhookRegistrationService>();
        if (mode == TelegramMode.Polling) services.AddHostedService<PollingService>();
        return services;
    }
}
