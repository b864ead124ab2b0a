namespace BotAutoOrder.Domain.Orders;

public enum PaymentMethod
{
    Qris,
    Balance,
}
