namespace BotAutoOrder.Domain.Payments;

/// <summary>An admin-visible reconciliation item: money arrived and needs a person's eyes. Never silence.</summary>
public class PaymentIssue
{
    private PaymentIssue() { }

    public PaymentIssue(PaymentIssueKind kind, long? paymentId, string gatewayOrderId, long amount, string detail, DateTime nowUtc)
    {
        Kind = kind;
        PaymentId = paymentId;
        GatewayOrderId = gatewayOrderId;
        Amount = amount;
        Detail = detail;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public PaymentIssueKind Kind { get; private set; }
    public long? PaymentId { get; private set; }
    public string GatewayOrderId { get; private set; } = "";
    public long Amount { get; private set; }
    public string Detail { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? ResolutionNote { get; private set; }

    public void Resolve(string actor, string note, DateTime nowUtc)
    {
        ResolvedBy = actor;
        ResolutionNote = note;
        ResolvedAtUtc = nowUtc;
    }
}
