using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// <c>/simulator/pakasir/**</c>: the simulator's pages (transaction list, pay page with QR, Pay / Expire buttons)
/// and the same V2 API over HTTP. Every route answers 404 unless <c>Pakasir</c> runs in Simulator mode. Beside a
/// real bot (an explicit <c>Pakasir:Mode=Simulator</c> for a test shop) the pages need a signed-in owner: anyone else
/// could otherwise mark every open invoice paid.
/// </summary>
public static class SimulatorEndpoints
{
    public const string Root = "/simulator/pakasir";

    public static IEndpointRouteBuilder MapPakasirSimulator(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).ExcludeFromDescription();
        group.AddEndpointFilter(async (ctx, next) =>
            ctx.HttpContext.RequestServices.GetRequiredService<IOptions<PakasirOptions>>().Value.EffectiveMode == PakasirMode.Simulator
                ? await next(ctx)
                : Results.NotFound());

        var config = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var ownerOnly =
            (config.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new()).EffectiveMode != TelegramMode.Playground
            && (config.GetSection(PakasirOptions.Section).Get<PakasirOptions>() ?? new()).EffectiveMode == PakasirMode.Simulator;
        RouteHandlerBuilder Page(RouteHandlerBuilder endpoint) =>
            ownerOnly ? endpoint.RequireAuthorization(DashboardClaims.OwnerPolicy) : endpoint;

        Page(group.MapGet("", (PakasirSimulator sim, HttpContext http, string? msg) =>
            Html(SimulatorPages.List(sim.All(), http.Request.PathBase, msg))));
        Page(group.MapGet("pay/{txnId}", (string txnId, PakasirSimulator sim, HttpContext http, string? msg) =>
            sim.Find(txnId) is { } t ? Html(SimulatorPages.Pay(t, http.Request.PathBase, msg)) : Results.NotFound()));
        Page(group.MapGet("qr/{txnId}.png", (string txnId, PakasirSimulator sim, QrCodeRenderer qr) =>
            sim.Find(txnId) is { QrString: { } payload } ? Results.File(qr.RenderPng(payload), "image/png") : Results.NotFound()));
        Page(group.MapPost("pay/{txnId}/pay", PayAsync).DisableAntiforgery());
        Page(group.MapPost("pay/{txnId}/expire", (string txnId, PakasirSimulator sim, HttpContext http) =>
            Back(http, txnId, sim.Expire(txnId) ? "Transaksi kedaluwarsa / expired." : "Not pending: nothing changed."))
            .DisableAntiforgery());
        group.MapMethods("api/v2/{**rest}", ["GET", "POST"], ApiAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Pays and delivers the webhook to this app on its own loopback address — never to <c>Request.Host</c>, which the
    /// caller chooses (the webhook carries <c>Pakasir:WebhookSecret</c>). The caller learns only the status code.
    /// </summary>
    private static async Task<IResult> PayAsync(string txnId, PakasirSimulator sim, IHttpClientFactory clients,
        IOptions<PakasirOptions> options, IServer server, ILoggerFactory logs, HttpContext http)
    {
        if (!sim.Pay(txnId)) return Back(http, txnId, "Not pending: nothing changed, no webhook sent.");
        var paid = sim.Find(txnId)!;
        var url = LoopbackWebhook(server, http.Request.PathBase);
        if (url is null) return Back(http, txnId, "Dibayar / paid. Webhook not sent: this app's own address is unknown.");
        var answer = await SimulatorWebhook.SendAsync(clients.CreateClient(PakasirSetup.SimulatorWebhookClient), url,
            options.Value.WebhookSecret, paid, logs.CreateLogger(typeof(SimulatorWebhook)), http.RequestAborted);
        return Back(http, txnId, $"Dibayar / paid. {answer}");
    }

    /// <summary>The webhook on an address this server listens on, a wildcard one as loopback (http preferred).</summary>
    internal static Uri? LoopbackWebhook(IServer server, PathString pathBase)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            var root = address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1")
                .Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://localhost", "://127.0.0.1").TrimEnd('/');
            if (Uri.TryCreate(root, UriKind.Absolute, out var uri) && (uri.IsLoopback))
                return new Uri($"{uri.Scheme}://{uri.Authority}{pathBase}/webhooks/pakasir");
        }
        return null;
    }

    private static async Task<IResult> ApiAsync(string rest, SimulatorApi api, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var escapedRest = http.Request.Path.ToUriComponent();
        escapedRest = escapedRest[(escapedRest.IndexOf("/api/v2/", StringComparison.Ordinal) + "/api/v2/".Length)..];
        var linkRoot = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var result = api.Handle(http.Request.Method, escapedRest, http.Request.Headers["X-Api-Key"].FirstOrDefault(), body, linkRoot);
        return Results.Content(result.Json, "application/json", statusCode: result.StatusCode);
    }

    private static IResult Back(HttpContext http, string txnId, string message) =>
        Results.Redirect($"{http.Request.PathBase}{Root}/pay/{Uri.EscapeDataString(txnId)}?msg={Uri.EscapeDataString(message)}");

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
