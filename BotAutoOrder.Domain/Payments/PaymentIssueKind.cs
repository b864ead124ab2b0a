namespace BotAutoOrder.Domain.Payments;

public enum PaymentIssueKind
{
    /// <summary>Paid after the order expired and the stock was gone: credited to balance.</summary>
    LatePaymentCredited,
    /// <summary>The gateway reports a different amount than we asked for.</summary>
    AmountMismatch,
    /// <summary>A completed payment we could not match to an open order or deposit.</summary>
    Unmatched,
}
