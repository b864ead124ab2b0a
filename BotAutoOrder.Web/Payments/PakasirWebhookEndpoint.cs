using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// <c>POST /webhooks/pakasir</c>: thin by design. Authenticates (V2 <c>X-Secret</c>, constant-time), parses the V1 or V2
/// body, refuses what cannot be ours, then lets <see cref="PaymentConfirmer"/> re-check with the status API. The body alone
/// never changes anything. Duplicates answer 200 with no second effect.
/// </summary>
public static class PakasirWebhookEndpoint
{
    public const string Path = "/webhooks/pakasir";
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPakasirWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<PakasirOptions> options, PaymentConfirmer confirmer,
        IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(PakasirWebhookEndpoint).FullName!);
        var o = options.Value;
        if (!string.IsNullOrEmpty(o.WebhookSecret) && !SharedSecret.Matches(o.WebhookSecret, http.Request.Headers["X-Secret"].ToString()))
        {
            log.LogWarning("Pakasir webhook refused: bad or missing X-Secret from {Remote}", http.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, http.RequestAborted);
            if (read > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            body = new string(buffer, 0, read);
        }
        if (!PakasirWebhookParser.TryParse(body, out var note, out var error))
        {
            log.LogWarning("Pakasir webhook refused: {Error}", error);
            return Results.BadRequest(new { error });
        }
        if (note!.Project is { Length: > 0 } project && project != o.EffectiveProject)
        {
            log.LogWarning("Pakasir webhook refused: project {Project} is not ours ({OrderId})", project, note.OrderId);
            return Results.BadRequest(new { error = "project does not match" });
        }
        if (note.IsSandbox == true && o.EffectiveMode == PakasirMode.Live)
        {
            log.LogWarning("Pakasir webhook refused: sandbox notification while live ({OrderId})", note.OrderId);
            return Results.BadRequest(new { error = "sandbox notification while live" });
        }
        if (note.Status != PaymentStatus.Completed) return Results.Ok(new { result = "ignored", status = note.Status.ToString() });

        var outcome = await confirmer.ConfirmAsync(note.OrderId, AuditLog.Gateway, lifetime.ApplicationStopping);
        log.LogInformation("Pakasir webhook for {OrderId}: {Status} {Outcome}", note.OrderId, outcome.Status, outcome.Applied?.Outcome);
        return outcome.Status switch
        {
            ConfirmationStatus.Applied => Results.Ok(new { result = outcome.Applied!.Outcome.ToString() }),
            ConfirmationStatus.Unknown => Results.NotFound(new { error = "unknown order" }),
            ConfirmationStatus.NotCompleted => Results.Conflict(new { error = "the gateway does not report this payment as completed", status = outcome.GatewayStatus?.ToString() }),
            ConfirmationStatus.Mismatch => Results.UnprocessableEntity(new { error = "payment does not match", detail = outcome.Detail }),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}
