using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Security;
using BotAutoOrder.Web.Telegram;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using Serilog;

namespace BotAutoOrder.Web.Hosting;

public static class Observability
{
    /// <summary>Serilog (console + rolling file, secrets redacted), health checks and Prometheus metrics.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var redactor = new SecretRedactor(
        [
            config["Telegram:BotToken"] ?? "", config["Telegram:OwnerBotToken"] ?? "", config["Telegram:WebhookSecret"] ?? "",
            config["Pakasir:ApiKey"] ?? "", config["Pakasir:WebhookSecret"] ?? "", config["Admin:Password"] ?? "",
            config["Stock:EncryptionKey"] ?? "", config["Stock:PreviousEncryptionKey"] ?? "", config["Metrics:BearerToken"] ?? "",
                config["DataProtection:CertificatePassword"] ?? "",
        ]);
        builder.Services.AddSingleton(redactor);
        var ownerAlerts = new OwnerAlertSink();
        builder.Services.AddSingleton(ownerAlerts);
        var logFile = config.GetValue("Logging:FilePath", "logs/botautoorder-.log");
        builder.Services.AddSerilog((services, lc) =>
        {
            lc.ReadFrom.Configuration(config)
                .ReadFrom.Services(services) // sinks registered as ILogEventSink (the dashboard's recent errors)
                .Enrich.FromLogContext()
                .Enrich.With(redactor)
                .WriteTo.Sink(ownerAlerts)
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            if (!string.IsNullOrWhiteSpace(logFile))
                lc.WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                    outputTemplate: "{Timestamp:O} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");
        }, preserveStaticLogger: true); // each host logs through its own pipeline (several share a test process)

        builder.Services.AddOptions<MetricsOptions>().Bind(config.GetSection(MetricsOptions.Section)).ValidateOnStart();
        builder.Services.TryAddSingleton<ShopMetrics>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        var token = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.BearerToken;
        if (!string.IsNullOrEmpty(token))
        {
            // Metrics name products, queues and error rates: with Metrics:BearerToken only the scraper reads them.
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use((context, next) =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
                if (SharedSecret.Matches(token, given)) return next();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            }));
        }
        // The default registry (HTTP, runtime) and then this app's shop metrics (botautoorder_…), in one text answer.
        app.MapGet("/metrics", async (HttpContext http, ShopMetrics shop) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
            await shop.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>One line at start-up saying how the shop runs (never the secrets themselves).</summary>
    public static void LogStartupSummary(this WebApplication app)
    {
        var telegram = app.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new();
        var pakasir = app.Configuration.GetSection(PakasirOptions.Section).Get<PakasirOptions>() ?? new();
        var db = app.Configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        app.Logger.LogInformation("BotAutoOrder starting: database {Provider}, Telegram {TelegramMode}, Pakasir {PakasirMode} {ApiVersion}",
            db, telegram.EffectiveMode, pakasir.EffectiveMode, pakasir.ApiVersion);
        if (pakasir.EffectiveMode == PakasirMode.Simulator && telegram.EffectiveMode != TelegramMode.Playground)
            app.Logger.LogWarning("PAYMENTS ARE FAKE: Pakasir:Mode=Simulator with a real bot (Telegram {TelegramMode}). Every invoice " +
                "can be " +
                "marked paid in /simulator/pakasir (owner sign-in required). Set Pakasir:Project/Pakasir:ApiKey and Pakasir:Mode=Live " +
                    "before selling.",
                telegram.EffectiveMode);
    }
}
