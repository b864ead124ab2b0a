using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BotAutoOrder.Web.Payments;

public static class PakasirSetup
{
    public const string SimulatorWebhookClient = "pakasir-simulator-webhook";
    private static readonly Uri SimulatorBase = new("http://pakasir-simulator.invalid/");

    /// <summary>
    /// <c>Pakasir:*</c> options (validated at start-up), both typed clients with timeouts and a retry policy that
    /// repeats only requests marked safe, and <see cref="IPaymentGateway"/> as the V1 or V2 client chosen by
    /// <c>ApiVersion</c> — or, in Simulator mode, the V2 client answered in-process by the built-in simulator.
    /// </summary>
    public static IServiceCollection AddPakasir(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PakasirOptions>().Bind(config.GetSection(PakasirOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PakasirOptions>>(new PakasirOptionsValidator(config));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShopMetrics>(); // the transport times its calls (also on a plain service collection)
        services.AddSingleton<QrCodeRenderer>();
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section));
        services.TryAddSingleton<WebhookRefusals>();
        services.AddHostedService<V1WebhookNotice>();

        services.AddSingleton<PakasirSimulator>();
        services.AddSingleton<SimulatorApi>();

        services.AddHttpClient<PakasirV2Client>(ConfigureTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => IsSimulator(sp)
                ? new SimulatorHttpHandler(sp.GetRequiredService<SimulatorApi>(), () => PublicRoot(sp))
                : new SocketsHttpHandler())
            .AddResilienceHandler("pakasir-v2", ConfigureResilience);
        services.AddHttpClient<PakasirV1Client>(ConfigureTimeout)
            .AddResilienceHandler("pakasir-v1", ConfigureResilience);
        services.AddHttpClient(SimulatorWebhookClient, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddTransient<IPaymentGateway>(sp =>
            IsSimulator(sp) || sp.GetRequiredService<IOptions<PakasirOptions>>().Value.ApiVersion == PakasirApiVersion.V2
                ? sp.GetRequiredService<PakasirV2Client>()
                : sp.GetRequiredService<PakasirV1Client>());
        return services;
    }

    /// <summary>The API root the client talks to: the configured gateway, or the in-process simulator (always V2).</summary>
    internal static Uri ApiBase(PakasirOptions o, PakasirApiVersion version)
    {
        if (o.EffectiveMode == PakasirMode.Simulator) return new Uri(SimulatorBase, "api/v2/");
        return new Uri(o.BaseUrl.TrimEnd('/') + (version == PakasirApiVersion.V2 ? "/api/v2/" : "/api/"));
    }

    private static bool IsSimulator(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<PakasirOptions>>().Value.EffectiveMode == PakasirMode.Simulator;

    private static void ConfigureTimeout(IServiceProvider sp, HttpClient http)
    {
        var seconds = sp.GetRequiredService<IOptions<PakasirOptions>>().Value.TimeoutSeconds;
        http.Timeout = TimeSpan.FromSeconds(seconds * 4 + 5); // a backstop; the pipeline's timeouts act first
    }

    /// <summary>Total timeout, then retries of safe requests only, then a per-attempt timeout.</summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var seconds = context.ServiceProvider.GetRequiredService<IOptions<PakasirOptions>>().Value.TimeoutSeconds;
        builder.AddTimeout(TimeSpan.FromSeconds(seconds * 3 + 2));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(300),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Context.GetRequestMessage() is { } request
                && request.Options.TryGetValue(PakasirTransport.RetrySafe, out var safe) && safe
                && !args.Context.CancellationToken.IsCancellationRequested
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Where the simulator's pages are reachable, for <c>payment_link</c> (relative when unknown).</summary>
    private static string PublicRoot(IServiceProvider sp)
    {
        var addresses = sp.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        if (first is null) return "";
        return first.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost")
            .Replace("://*", "://localhost").TrimEnd('/');
    }
}
