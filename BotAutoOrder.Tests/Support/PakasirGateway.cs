using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// The app's real Pakasir registration (<c>AddPakasir</c>) on a plain service collection, configured to talk to a
/// <see cref="PakasirDouble"/> in Live mode, with every log line captured.
/// </summary>
public static class PakasirGateway
{
    public static ServiceProvider Build(PakasirDouble pakasir, PakasirApiVersion version, CapturingLoggerProvider? logs = null,
        string? apiKey = null, int timeoutSeconds = 15, string method = "qris")
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pakasir:Mode"] = "Live",
            ["Telegram:BotToken"] = "123456:gateway-test", // Live Pakasir belongs to a real bot, never the playground
            ["Pakasir:ApiVersion"] = version.ToString(),
            ["Pakasir:BaseUrl"] = pakasir.BaseUrl.ToString(),
            ["Pakasir:Project"] = pakasir.Project,
            ["Pakasir:ApiKey"] = apiKey ?? pakasir.ApiKey,
            ["Pakasir:Method"] = method,
            ["Pakasir:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null) b.AddProvider(logs);
        });
        services.AddPakasir(config);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static IPaymentGateway Gateway(this ServiceProvider services) => services.GetRequiredService<IPaymentGateway>();
}
