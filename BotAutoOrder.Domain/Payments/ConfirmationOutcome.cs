namespace BotAutoOrder.Domain.Payments;

public enum ConfirmationStatus
{
    /// <summary>The gateway said completed for our order id and amount; the payment was applied (or had been).</summary>
    Applied,
    /// <summary>The gateway says the transaction is not (yet) completed: nothing changed.</summary>
    NotCompleted,
    /// <summary>No such payment of ours.</summary>
    Unknown,
    /// <summary>The gateway's answer does not match ours (order id, amount, project, sandbox): nothing applied.</summary>
    Mismatch,
    /// <summary>The gateway could not be asked; try again later.</summary>
    GatewayUnavailable,
    /// <summary>
    /// The gateway was asked about this payment less than the pace ago. With <see cref="ConfirmationOutcome.RetryAfter"/>
    /// the caller asked to wait for the next permitted call; without, it is told to ask later (the reconciler will).
    /// </summary>
    Throttled,
    /// <summary>The gateway already told us the transaction is expired or cancelled: not asked again.</summary>
    Closed,
}

/// <param name="AskedGateway">The status API answered this call (whatever it said): the gateway is reachable.</param>
/// <param name="RetryAfter">For <see cref="ConfirmationStatus.Throttled"/> under a waiting policy: when to try again.</param>
public sealed record ConfirmationOutcome(ConfirmationStatus Status, PaymentApplyResult? Applied = null, PaymentStatus? GatewayStatus = null,
    string? Detail = null, bool AskedGateway = false, TimeSpan? RetryAfter = null);
