namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// What an outbox row asks the bot layer to do. Intents (<c>order.*</c>, <c>deposit.*</c>, <c>admin.*</c>) are rendered
/// with the current templates when sent; concrete kinds (<c>text</c>, <c>document</c>) carry ready HTML.
/// </summary>
public static class OutboxKinds
{
    public const string OrderDelivery = "order.delivery";
    public const string OrderPaidAdmin = "order.paid_admin";
    public const string OrderQrClosed = "order.qr_closed";
    public const string OrderLateCredit = "order.late_credit";
    public const string OrderLateAdmin = "order.late_admin";
    public const string OrderRefunded = "order.refunded";
    public const string DepositCredited = "deposit.credited";
    public const string DepositPaidAdmin = "deposit.paid_admin";
    public const string DepositQrClosed = "deposit.qr_closed";
    public const string PaymentIssueAdmin = "payment.issue_admin";
    public const string Broadcast = "broadcast";
    public const string OrderTerms = "order.terms";
    public const string TermsProofAdmin = "terms.proof_admin";
    public const string TermsReviewed = "terms.reviewed";
    public const string LowStockAdmin = "stock.low_admin";
    public const string ClaimOpenedAdmin = "claim.opened_admin";
    /// <summary>The fresh item of a warranty replacement, to the buyer (delivery lane: it is goods).</summary>
    public const string ClaimReplaced = "claim.replaced";
    /// <summary>A warranty claim refunded to balance or rejected, to the buyer.</summary>
    public const string ClaimResolved = "claim.resolved";
    /// <summary>A sold-out product a buyer waited for is back (bulk lane, ADR-021).</summary>
    public const string RestockAlert = "restock.alert";
    /// <summary>After delivery: asks the buyer to rate what they bought (star buttons).</summary>
    public const string ReviewPrompt = "review.prompt";
    /// <summary>A new visible testimonial, posted to the shop's testimony channel.</summary>
    public const string TestimonialChannel = "testimonial.channel";
    public const string Text = "text";
    public const string Document = "document";
    /// <summary>A reply the send path handed over after a long 429: the Bot API method and its JSON body, sent as they are.</summary>
    public const string ApiCall = "api.call";
    /// <summary>Several admin notices for one admin rolled into one message during a rush.</summary>
    public const string AdminDigest = "admin.digest";
}
