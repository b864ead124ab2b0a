using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments.Simulator;

/// <summary>
/// <c>/simulator/pakasir/**</c>: the simulator's pages (transaction list, pay page with QR, Pay / Expire buttons)
/// and the same V2 API over HTTP. Every route answers 404 unless <c>Pakasir</c> runs in Simulator mode.
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

        group.MapGet("", (PakasirSimulator sim, HttpContext http, string? msg) =>
            Html(SimulatorPages.List(sim.All(), http.Request.PathBase, msg)));
        group.MapGet("pay/{txnId}", (string txnId, PakasirSimulator sim, HttpContext http, string? msg) =>
            sim.Find(txnId) is { } t ? Html(SimulatorPages.Pay(t, http.Request.PathBase, msg)) : Results.NotFound());
        group.MapGet("qr/{txnId}.png", (string txnId, PakasirSimulator sim, QrCodeRenderer qr) =>
            sim.Find(txnId) is { QrString: { } payload } ? Results.File(qr.RenderPng(payload), "image/png") : Results.NotFound());
        group.MapPost("pay/{txnId}/pay", PayAsync).DisableAntiforgery();
        group.MapPost("pay/{txnId}/expire", (string txnId, PakasirSimulator sim, HttpContext http) =>
            Back(http, txnId, sim.Expire(txnId) ? "Transaksi kedaluwarsa / expired." : "Not pending: nothing changed."))
            .DisableAntiforgery();
        group.MapMethods("api/v2/{**rest}", ["GET", "POST"], ApiAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PayAsync(string txnId, PakasirSimulator sim, IHttpClientFactory clients,
        IOptions<PakasirOptions> options, HttpContext http)
    {
        if (!sim.Pay(txnId)) return Back(http, txnId, "Not pending: nothing changed, no webhook sent.");
        var paid = sim.Find(txnId)!;
        var url = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/webhooks/pakasir");
        var answer = await SimulatorWebhook.SendAsync(clients.CreateClient(PakasirSetup.SimulatorWebhookClient), url,
            options.Value.WebhookSecret, paid, http.RequestAborted);
        return Back(http, txnId, $"Dibayar / paid. {answer}");
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
