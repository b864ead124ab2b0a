namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// Which queue an outbox row waits in; the sender always takes the lowest lane first, so a delivery never waits behind a
/// broadcast. Stored as an int column (<see cref="OutboxMessage.Lane"/>): lower is more urgent.
/// </summary>
public enum OutboxLane
{
    /// <summary>A reply to a buyer's own action that Telegram held back (long 429): it goes before anything else.</summary>
    Reply = 0,
    /// <summary>What the buyer paid for: deliveries, balance credits, refunds, late credits.</summary>
    Delivery = 1,
    /// <summary>Follow-ups on the buyer's purchase: invoice/QR caption edits, terms, proof reviews, files.</summary>
    Transaction = 2,
    /// <summary>Admin and owner notices.</summary>
    Notice = 3,
    /// <summary>Broadcasts and other bulk sends the bot starts itself.</summary>
    Bulk = 4,
    /// <summary>
    /// A paid broadcast (<c>allow_paid_broadcast</c>): last in line like <see cref="Bulk"/>, but with its own budget at the
    /// paid rate, so it neither waits for nor spends the free bulk budget the other lanes share.
    /// </summary>
    PaidBulk = 5,
}
