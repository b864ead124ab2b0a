namespace BotAutoOrder.Domain.Payments;

public enum PaymentApplyOutcome
{
    /// <summary>The pending order was paid and its items sold.</summary>
    Fulfilled,
    /// <summary>The order had expired or been cancelled; stock could be reserved again, so it was fulfilled late.</summary>
    FulfilledLate,
    /// <summary>The order could not be fulfilled (stock gone, or already paid otherwise): the money went to the balance.</summary>
    CreditedToBalance,
    /// <summary>A deposit was credited.</summary>
    DepositCredited,
    /// <summary>This payment was applied before: nothing changed.</summary>
    AlreadyApplied,
    /// <summary>The gateway's amount differs from ours: nothing applied, a reconciliation item records it.</summary>
    AmountMismatch,
    /// <summary>The order's reserved items did not match what it ordered: the payment is held (applied, not credited),
    /// the order cancelled and its reservation released, and a reconciliation item asks the admins to decide.</summary>
    HeldForReview,
}

public sealed record PaymentApplyResult(PaymentApplyOutcome Outcome, long? PaymentId = null, long? OrderId = null, long? DepositId = null);
