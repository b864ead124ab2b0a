namespace BotAutoOrder.Web.Payments;

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
}
