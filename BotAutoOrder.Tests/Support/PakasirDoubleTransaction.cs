using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Tests.Support;

/// <summary>A transaction held by <see cref="PakasirDouble"/>; mutated only under the double's lock.</summary>
public sealed class PakasirDoubleTransaction
{
    public required string TxnId { get; init; }
    public required string OrderId { get; init; }
    public required string Project { get; init; }
    public required long Amount { get; init; }
    public required long Fee { get; init; }
    public required string Method { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    /// <summary>The status text on the wire; lets a test choose <c>canceled</c> over <c>cancelled</c> (or send nonsense).</summary>
    public string StatusText { get; set; } = "pending";

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When set, status reads and webhooks report this amount instead (a tampered or mismatched amount).</summary>
    public long? StatusAmountOverride { get; set; }

    /// <summary>When set, status reads and webhooks name this project instead (an answer about somebody else's shop).</summary>
    public string? ReportedProject { get; set; }

    /// <summary>Status reads and webhooks say <c>is_sandbox: true</c> (a sandbox transaction).</summary>
    public bool IsSandbox { get; set; }

    public long TotalPayment => Amount + Fee;
    public long ReportedAmount => StatusAmountOverride ?? Amount;

    /// <summary>The payment number: a QRIS string for qris, a VA number otherwise.</summary>
    public string PaymentNumber => Method == "qris" ? $"00020101021226590013ID.CO.PAKASIR62{OrderId.Length:D2}{OrderId}6304ABCD" : "8808123456789012";
}
