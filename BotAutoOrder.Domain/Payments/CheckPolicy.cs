namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// How a caller that is not trusted (a webhook) or that must respect the gateway's pace (reconciliation) may ask the
/// status API. <see cref="ExpectedAmount"/>/<see cref="ExpectedTxnId"/> are what the notification claims: a claim that
/// contradicts the stored payment is refused before the gateway is asked. <see cref="WaitForWindow"/> makes a caller
/// that arrives within <see cref="MinInterval"/> of the last status call wait for the next permitted call (or share
/// the answer of a call made after it arrived) instead of asking again; otherwise it is answered
/// <see cref="ConfirmationStatus.Throttled"/> at once.
/// </summary>
public sealed record CheckPolicy(TimeSpan MinInterval, bool WaitForWindow, long? ExpectedAmount = null, string? ExpectedTxnId = null,
    bool RefuseClosed = false)
{
    /// <summary>Pakasir allows about one status call per 4 s per transaction.</summary>
    public static readonly TimeSpan GatewayPace = TimeSpan.FromSeconds(4);

    /// <summary>A webhook: checked against the stored payment, never asks for a closed transaction, waits for the pace.</summary>
    public static CheckPolicy ForWebhook(long amount, string? txnId) => new(GatewayPace, true, amount, txnId, RefuseClosed: true);

    /// <summary>What a notification claims that the stored payment contradicts (amount, transaction id), or null.</summary>
    public string? Contradiction(Payment payment)
    {
        if (ExpectedAmount is { } amount && amount != payment.Amount) return $"amount {amount} is not the stored {payment.Amount}";
        if (ExpectedTxnId is { } txn && payment.TxnId is { } ours && !string.Equals(txn, ours, StringComparison.Ordinal))
            return "txn_id is not the stored transaction";
        return null;
    }

    /// <summary>How long until the gateway may be asked about <paramref name="payment"/> again (zero or less: now).</summary>
    public TimeSpan WaitBefore(Payment payment, DateTime nowUtc) =>
        payment.LastCheckedAtUtc is { } last ? last + MinInterval - nowUtc : TimeSpan.Zero;
}
