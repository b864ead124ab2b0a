namespace BotAutoOrder.Domain.Payments;

public enum PaymentIssueKind
{
    /// <summary>Paid after the order expired and the stock was gone: credited to balance.</summary>
    LatePaymentCredited,
    /// <summary>The gateway reports a different amount than we asked for.</summary>
    AmountMismatch,
    /// <summary>A completed payment we could not match to an open order or deposit.</summary>
    Unmatched,
    /// <summary>Paid at the gateway for an order already paid (marked paid) or refunded: credited to balance.</summary>
    PaidTwice,
    /// <summary>The order's reserved items did not match its quantity: the payment is held for an admin's decision.</summary>
    FulfilmentFailed,
}
