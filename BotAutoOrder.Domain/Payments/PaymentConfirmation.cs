using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// Confirming one payment is this one call: one read of the stored payment, one decision. A notification that
/// contradicts the payment, a payment already applied, a transaction the gateway closed, or a status call made less than
/// the pace ago ends it without asking; otherwise the status API is asked, its answer kept (<see cref="GatewayAnswers"/>),
/// judged (our order id, our project, not sandbox while live, our transaction) and, when completed, applied through
/// <see cref="PaymentService"/>'s gate. Webhooks, reconciliation, the buyer's "check status" and the expiry worker all
/// come here through Web's <c>PaymentConfirmer</c>, which only serialises calls for one payment in its process and
/// waits when told to.
/// </summary>
public sealed class PaymentConfirmation(AppDbContext db, IPaymentGateway gateway, GatewayAnswers answers, PaymentService payments,
    GatewayAccount account, TimeProvider clock, ILogger<PaymentConfirmation> log)
{
    /// <param name="arrivedAtUtc">When the caller first asked: a status call made since then answers for it too.</param>
    public async Task<ConfirmationOutcome> ConfirmAsync(string gatewayOrderId, string actor, CheckPolicy? policy, DateTime arrivedAtUtc,
        CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.GatewayOrderId == gatewayOrderId, ct);
        if (payment is null) return new ConfirmationOutcome(ConfirmationStatus.Unknown);
        if (policy?.Contradiction(payment) is { } contradiction)
        {
            log.LogWarning("Notification for {OrderId} refused before asking the gateway: {Reason}", gatewayOrderId, contradiction);
            return new ConfirmationOutcome(ConfirmationStatus.Mismatch, Detail: contradiction);
        }
        if (payment.AppliedAtUtc is not null)
            return new ConfirmationOutcome(ConfirmationStatus.Applied,
                new PaymentApplyResult(PaymentApplyOutcome.AlreadyApplied, payment.Id, payment.OrderId, payment.DepositId));
        if (policy is { RefuseClosed: true } && payment.Status is PaymentStatus.Expired or PaymentStatus.Cancelled)
            return new ConfirmationOutcome(ConfirmationStatus.Closed, GatewayStatus: payment.Status);

        var now = clock.GetUtcNow().UtcDateTime;
        var wait = policy?.WaitBefore(payment, now) ?? TimeSpan.Zero;
        if (wait <= TimeSpan.Zero) return await AskAndApplyAsync(payment, actor, now, ct);
        // Asked moments ago. A check that started after this caller arrived answers for it too; otherwise it waits for the
        // next permitted call rather than hammering the gateway (a flood costs one call per pace).
        if (!policy!.WaitForWindow) return new ConfirmationOutcome(ConfirmationStatus.Throttled);
        return payment.LastCheckedAtUtc >= arrivedAtUtc
            ? new ConfirmationOutcome(ConfirmationStatus.NotCompleted, GatewayStatus: payment.Status)
            : new ConfirmationOutcome(ConfirmationStatus.Throttled, RetryAfter: wait);
    }

    private async Task<ConfirmationOutcome> AskAndApplyAsync(Payment payment, string actor, DateTime askedAt, CancellationToken ct)
    {
        GatewayStatus status;
        try
        {
            status = await gateway.GetStatusAsync(new GatewayReference(payment.GatewayOrderId, payment.TxnId, payment.Amount), ct);
        }
        catch (PaymentGatewayException e)
        {
            log.LogWarning("Status check for {OrderId} failed: {Error}", payment.GatewayOrderId, e.Message);
            await answers.RecordCheckFailedAsync(payment.Id, askedAt, ct); // a failed call still counts against the pace
            return new ConfirmationOutcome(ConfirmationStatus.GatewayUnavailable, Detail: e.Message);
        }
        await answers.RecordCheckAsync(payment.Id, status.RawJson, status.Status, askedAt, ct);

        if (NotAboutOurPayment(status, payment) is { } mismatch)
        {
            log.LogWarning("Status for {OrderId} refused: {Reason}", payment.GatewayOrderId, mismatch);
            return new ConfirmationOutcome(ConfirmationStatus.Mismatch, GatewayStatus: status.Status, Detail: mismatch, AskedGateway: true);
        }
        if (status.Status != PaymentStatus.Completed)
            return new ConfirmationOutcome(ConfirmationStatus.NotCompleted, GatewayStatus: status.Status, AskedGateway: true);

        var applied = await payments.ApplyCompletedAsync(payment, status.Amount, status.CompletedAtUtc, actor, status.RawJson, ct);
        log.LogInformation("Payment {OrderId} confirmed by the gateway: {Outcome}", payment.GatewayOrderId, applied.Outcome);
        return applied.Outcome == PaymentApplyOutcome.AmountMismatch
            ? new ConfirmationOutcome(ConfirmationStatus.Mismatch, applied, status.Status, "amount differs", AskedGateway: true)
            : new ConfirmationOutcome(ConfirmationStatus.Applied, applied, status.Status, AskedGateway: true);
    }

    /// <summary>Why the gateway's answer cannot be about our payment, or null when it can. (Amount is judged on apply.)</summary>
    private string? NotAboutOurPayment(GatewayStatus status, Payment payment)
    {
        if (!string.Equals(status.OrderId, payment.GatewayOrderId, StringComparison.Ordinal)) return "order id differs";
        if (status.Project is { Length: > 0 } project && !string.Equals(project, account.Project, StringComparison.Ordinal))
            return "project differs";
        if (status.IsSandbox && account.Live) return "sandbox transaction while live";
        if (payment.TxnId is { } txn && status.TxnId is { } theirs && txn != theirs) return "transaction id differs";
        return null;
    }
}
