namespace BotAutoOrder.Domain.Payments;

/// <summary>A gateway transaction for an order or a deposit. <see cref="AppliedAtUtc"/> is set exactly once, by a conditional
/// update.</summary>
public class Payment
{
    private Payment() { }

    public Payment(PaymentPurpose purpose, long? orderId, long? depositId, string gatewayOrderId, string method,
        long amount, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayOrderId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Purpose = purpose;
        OrderId = orderId;
        DepositId = depositId;
        Gateway = "pakasir";
        GatewayOrderId = gatewayOrderId;
        Method = method;
        Amount = amount;
        TotalPayment = amount;
        Status = PaymentStatus.Pending;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public PaymentPurpose Purpose { get; private set; }
    public long? OrderId { get; private set; }
    public long? DepositId { get; private set; }
    public string Gateway { get; private set; } = "pakasir";
    /// <summary>Our order id at the gateway (<c>INV-…</c> or <c>DEP-…</c>); unique, never reused.</summary>
    public string GatewayOrderId { get; private set; } = "";
    /// <summary>Pakasir V2 transaction id (needed for status and cancel calls).</summary>
    public string? TxnId { get; private set; }
    public string Method { get; private set; } = "qris";
    /// <summary>The amount we asked for (the order total or the deposit).</summary>
    public long Amount { get; private set; }
    public long Fee { get; private set; }
    /// <summary>What the buyer pays: amount plus the gateway fee.</summary>
    public long TotalPayment { get; private set; }
    public string? QrString { get; private set; }
    public string? PaymentUrl { get; private set; }
    public DateTime? GatewayExpiresAtUtc { get; private set; }
    public PaymentStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    /// <summary>When the payment's effect (fulfilment or credit) was applied; null until then.</summary>
    public DateTime? AppliedAtUtc { get; private set; }
    public DateTime? LastCheckedAtUtc { get; private set; }
    /// <summary>The gateway's create response (redacted JSON), for the dashboard.</summary>
    public string? RawCreateResponse { get; private set; }
    /// <summary>The gateway's last status response (JSON), for the dashboard.</summary>
    public string? RawStatusResponse { get; private set; }

    public void RecordCreated(string? txnId, long fee, long totalPayment, string? qrString, string? paymentUrl,
        DateTime? gatewayExpiresAtUtc, string rawResponse)
    {
        TxnId = txnId;
        Fee = fee;
        TotalPayment = totalPayment;
        QrString = qrString;
        PaymentUrl = paymentUrl;
        GatewayExpiresAtUtc = gatewayExpiresAtUtc;
        RawCreateResponse = rawResponse;
    }

    public void RecordStatusCheck(DateTime nowUtc, string rawResponse)
    {
        LastCheckedAtUtc = nowUtc;
        RawStatusResponse = rawResponse;
    }
}
