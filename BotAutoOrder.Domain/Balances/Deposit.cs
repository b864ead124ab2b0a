namespace BotAutoOrder.Domain.Balances;

/// <summary>A balance top-up paid by QRIS. Credited once, by a conditional update on <see cref="Status"/>.</summary>
public class Deposit
{
    private Deposit() { }

    public Deposit(string code, long customerId, long amount, DateTime nowUtc, DateTime expiresAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Code = code;
        CustomerId = customerId;
        Amount = amount;
        Status = DepositStatus.Pending;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public long CustomerId { get; private set; }
    public long Amount { get; private set; }
    public DepositStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }
    public long? QrChatId { get; private set; }
    public int? QrMessageId { get; private set; }

    public void AttachQrMessage(long chatId, int messageId)
    {
        QrChatId = chatId;
        QrMessageId = messageId;
    }
}
