namespace BotAutoOrder.Domain.Balances;

public enum BalanceEntryKind
{
    Deposit,
    Purchase,
    Refund,
    LatePaymentCredit,
    AdminCredit,
    AdminDebit,
}
