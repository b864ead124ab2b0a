using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BotAutoOrder.Web.Telegram;

/// <summary>The client for owner alerts: a separate bot when <c>Telegram:OwnerBotToken</c> is set, else the shop bot.</summary>
public sealed class OwnerBot(IOptions<TelegramOptions> options, IHttpClientFactory http, ITelegramBotClient shopBot)
{
    public ITelegramBotClient Client { get; } = string.IsNullOrWhiteSpace(options.Value.OwnerBotToken)
        ? shopBot
        : new TelegramBotClient(new TelegramBotClientOptions(options.Value.OwnerBotToken, options.Value.ApiBaseUrl) { RetryCount = 0 },
            http.CreateClient(TelegramSetup.HttpClientName));
}
