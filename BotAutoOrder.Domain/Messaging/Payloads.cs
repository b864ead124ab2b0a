namespace BotAutoOrder.Domain.Messaging;

/// <summary>Payload of intents about an order.</summary>
public sealed record OrderPayload(long OrderId, string? Reason = null);

/// <summary>Payload of intents about a deposit.</summary>
public sealed record DepositPayload(long DepositId);

/// <summary>Payload of a ready HTML text message (optional inline buttons as label/callback-or-url pairs).</summary>
public sealed record TextPayload(string Html, IReadOnlyList<IReadOnlyList<ButtonPayload>>? Buttons = null);

public sealed record ButtonPayload(string Label, string? CallbackData = null, string? Url = null);

/// <summary>Payload of a text file sent as a document (long deliveries).</summary>
public sealed record DocumentPayload(string FileName, string Content, string CaptionHtml);

/// <summary>Payload of a reconciliation item for admins.</summary>
public sealed record PaymentIssuePayload(string GatewayOrderId, string Kind);

/// <summary>Payload of one broadcast message to one recipient (text and optional photo come from the broadcast row).</summary>
public sealed record BroadcastPayload(long BroadcastId);

/// <summary>Payload of intents about an SNK proof.</summary>
public sealed record TermsPayload(long ProofId);

/// <summary>Payload of the terms message sent after delivery, one per product with terms.</summary>
public sealed record OrderTermsPayload(long OrderId, long ProductId);

/// <summary>Payload of a low-stock alert.</summary>
public sealed record LowStockPayload(long ProductId, int Available, int Threshold);

/// <summary>Payload of a handed-over reply: the Bot API method and the JSON body the client had built.</summary>
public sealed record ApiCallPayload(string Method, string Json);

/// <summary>Payload of a restock alert: the product is rendered with its live name and price when sent.</summary>
public sealed record RestockPayload(long ProductId);

/// <summary>Payload of a testimonial posted to the testimony channel.</summary>
public sealed record TestimonialPayload(long TestimonialId);
