namespace BotAutoOrder.Domain.Balances;

public enum DepositStatus
{
    Pending,
    Paid,
    Expired,
    Cancelled,
}
