namespace BotAutoOrder.Domain.Payments;

public enum PaymentPurpose
{
    /// <summary>Pays an order (gateway order id <c>INV-…</c>).</summary>
    Order,
    /// <summary>Tops up the balance (gateway order id <c>DEP-…</c>).</summary>
    Deposit,
}
