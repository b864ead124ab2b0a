namespace BotAutoOrder.Domain.Messaging;

/// <summary>The lane of each <see cref="OutboxKinds"/> value (see <see cref="OutboxLane"/>).</summary>
public static class OutboxLanes
{
    public static OutboxLane For(string kind, OutboxBot bot) => bot == OutboxBot.Owner ? OutboxLane.Notice : kind switch
    {
        OutboxKinds.ApiCall => OutboxLane.Reply,
        OutboxKinds.OrderDelivery or OutboxKinds.DepositCredited or OutboxKinds.OrderLateCredit or OutboxKinds.OrderRefunded
            or OutboxKinds.ClaimReplaced => OutboxLane.Delivery,
        OutboxKinds.OrderQrClosed or OutboxKinds.DepositQrClosed or OutboxKinds.OrderTerms or OutboxKinds.TermsReviewed
            or OutboxKinds.Document or OutboxKinds.ClaimResolved or OutboxKinds.ReviewPrompt => OutboxLane.Transaction,
        // Restock alerts can be hundreds at once and are the bot's own news, like a broadcast.
        OutboxKinds.Broadcast or OutboxKinds.RestockAlert or OutboxKinds.TestimonialChannel => OutboxLane.Bulk,
        // Admin notices, owner texts and anything new: noticed, but never ahead of a buyer's goods.
        _ => OutboxLane.Notice,
    };
}
