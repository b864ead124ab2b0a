namespace BotAutoOrder.Domain.Warranty;

/// <summary>
/// A buyer's warranty (garansi) claim on one delivered stock item. At most one claim per item is not closed
/// (a partial unique index); status changes that matter (submit, resolve) are conditional updates in the services.
/// </summary>
public class WarrantyClaim
{
    public const int MaxReasonLength = 1000;
    public const int MaxNoteLength = 500;

    /// <summary>The statuses the "one open claim per item" index covers (the SQL filter lists the same names).</summary>
    public static readonly WarrantyClaimStatus[] NotClosed =
        [WarrantyClaimStatus.Drafting, WarrantyClaimStatus.AwaitingScreenshot, WarrantyClaimStatus.Open];

    private WarrantyClaim() { }

    public WarrantyClaim(long orderId, long productId, long stockItemId, long customerId, DateTime nowUtc)
    {
        OrderId = orderId;
        ProductId = productId;
        StockItemId = stockItemId;
        CustomerId = customerId;
        Status = WarrantyClaimStatus.Drafting;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long ProductId { get; private set; }
    /// <summary>The delivered item that stopped working.</summary>
    public long StockItemId { get; private set; }
    public long CustomerId { get; private set; }
    public WarrantyClaimStatus Status { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>Telegram <c>file_id</c> of the screenshot; shown in the dashboard through the Bot API, like SNK photos.</summary>
    public string? PhotoFileId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Last change by the buyer while drafting: a draft left alone for long no longer swallows the buyer's texts.</summary>
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? ResolutionNote { get; private set; }
    /// <summary>The fresh item delivered instead (Replaced).</summary>
    public long? ReplacementStockItemId { get; private set; }
    /// <summary>What went to the buyer's balance (Refunded): the item's share of the order.</summary>
    public long? RefundAmount { get; private set; }
    /// <summary>True when the automatic replacement (store setting) resolved it, not a seller.</summary>
    public bool AutoResolved { get; private set; }

    public bool IsDraft => Status is WarrantyClaimStatus.Drafting or WarrantyClaimStatus.AwaitingScreenshot;

    /// <summary>Starts the draft again (the buyer picked the same item anew).</summary>
    public void Restart(DateTime nowUtc)
    {
        Status = WarrantyClaimStatus.Drafting;
        Reason = null;
        PhotoFileId = null;
        UpdatedAtUtc = nowUtc;
    }

    public void SetReason(string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var trimmed = reason.Trim();
        Reason = trimmed.Length > MaxReasonLength ? trimmed[..MaxReasonLength] : trimmed;
        Status = WarrantyClaimStatus.AwaitingScreenshot;
        UpdatedAtUtc = nowUtc;
    }

    public void SetPhoto(string photoFileId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(photoFileId);
        PhotoFileId = photoFileId;
        UpdatedAtUtc = nowUtc;
    }

    public void Submit(DateTime nowUtc)
    {
        if (Reason is null) throw new InvalidOperationException("A claim needs a reason.");
        Status = WarrantyClaimStatus.Open;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Cancel(DateTime nowUtc)
    {
        Status = WarrantyClaimStatus.Cancelled;
        UpdatedAtUtc = nowUtc;
    }
}
