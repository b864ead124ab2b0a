namespace BotAutoOrder.Domain.Warranty;

/// <summary>One delivered item the buyer may pick for a claim (its content masked: the button only has to tell items apart).</summary>
public sealed record ClaimableItem(long StockItemId, string ProductName, string Masked, bool HasOpenClaim);
