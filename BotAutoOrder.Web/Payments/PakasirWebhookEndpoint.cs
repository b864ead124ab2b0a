using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Security;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// <c>POST /webhooks/pakasir</c>: thin by design. Authenticates (V2 <c>X-Secret</c>, constant-time; V1 sends none, so a
/// V1 webhook is accepted unauthenticated unless it presents a wrong secret), parses the V1 or V2 body, refuses what cannot
/// be ours, then lets <see cref="PaymentConfirmer"/> check the body's amount and txn_id against the stored payment and
/// re-check with the status API (at most once per 4 s per payment). The body alone never changes anything. Duplicates
/// answer 200 with no second effect. Refusals are counted per IP (<see cref="WebhookRefusals"/>).
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
        WebhookRefusals refusals, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(PakasirWebhookEndpoint).FullName!);
        var o = options.Value;
        var authenticated = Authenticate(http, o);
        if (authenticated == false)
        {
            if (refusals.Exhausted(http)) return WebhookRefusals.TooMany(http);
            log.LogWarning("Pakasir webhook refused: bad or missing secret from {Remote}", http.Connection.RemoteIpAddress);
            return refusals.Refuse(http, Results.Unauthorized());
        }
        // Unauthenticated (V1) senders that keep causing refusals are stopped before any work; a proven sender never is.
        if (authenticated is null && refusals.Exhausted(http)) return WebhookRefusals.TooMany(http);
        var result = await HandleBodyAsync(http, o, confirmer, lifetime, log);
        return authenticated is null && IsRefusal(result) ? refusals.Refuse(http, result) : result;
    }

    /// <summary>
    /// True: the configured secret was presented. False: a secret is configured and a wrong one was presented, or V2 came
    /// without one. Null: nothing to check (no secret configured, or V1 without a secret — Pakasir V1 sends none; the
    /// status API is what is trusted). V1 may carry the secret as <c>?secret=</c> on the webhook URL.
    /// </summary>
    private static bool? Authenticate(HttpContext http, PakasirOptions o)
    {
        if (string.IsNullOrEmpty(o.WebhookSecret)) return null;
        var header = http.Request.Headers["X-Secret"].ToString();
        var query = o.ApiVersion == PakasirApiVersion.V1 ? http.Request.Query["secret"].ToString() : "";
        var presented = header.Length > 0 ? header : query;
        if (presented.Length > 0) return SharedSecret.Matches(o.WebhookSecret, presented);
        return o.ApiVersion == PakasirApiVersion.V1 && o.EffectiveMode == PakasirMode.Live ? null : false;
    }

    private static bool IsRefusal(IResult result) =>
        result is IStatusCodeHttpResult { StatusCode: >= 400 and < 500 and not StatusCodes.Status429TooManyRequests };

    private static async Task<IResult> HandleBodyAsync(HttpContext http, PakasirOptions o, PaymentConfirmer confirmer,
        IHostApplicationLifetime lifetime, ILogger log)
    {
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

        // The sender waits for the answer, so the wait ends when it hangs up (or the app stops); an apply cut short
        // rolls back whole and reconciliation finishes the job.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        ConfirmationOutcome outcome;
        try
        {
            outcome = await confirmer.ConfirmAsync(note.OrderId, AuditLog.Gateway, abort.Token,
                CheckPolicy.ForWebhook(note.Amount, note.TxnId));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        log.LogInformation("Pakasir webhook for {OrderId}: {Status} {Outcome}", note.OrderId, outcome.Status, outcome.Applied?.Outcome);
        return outcome.Status switch
        {
            ConfirmationStatus.Applied => Results.Ok(new { result = outcome.Applied!.Outcome.ToString() }),
            ConfirmationStatus.Unknown => Results.NotFound(new { error = "unknown order" }),
            ConfirmationStatus.NotCompleted =>
                Results.Conflict(new { error = "the gateway does not report this payment as completed",
                status = outcome.GatewayStatus?.ToString() }),
            ConfirmationStatus.Closed =>
                Results.Conflict(new { error = "the transaction is closed at the gateway", status = outcome.GatewayStatus?.ToString() }),
            ConfirmationStatus.Mismatch => Results.UnprocessableEntity(new { error = "payment does not match", detail = outcome.Detail }),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}
