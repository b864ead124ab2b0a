
namespace BotAutoOrder.Domain.Payments;

/// <summary>What identifies a transaction at the gateway: V1 needs order id and amount, V2 the txn id.</summary>
public sealed record GatewayReference(string OrderId, string? TxnId, long Amount);

/// <summary>A created transaction (V1 <c>payment</c> object or V2 flat response).</summary>
public sealed record GatewayTransaction(
    string OrderId,
    string? TxnId,
    long Amount,
    long Fee,
    long TotalPayment,
    string Method,
    string? QrString,
    string? VaNumber,
    string? PaymentUrl,
    DateTime? ExpiresAtUtc,
    PaymentStatus Status,
    bool IsSandbox,
    string RawJson);

/// <summary>The gateway's word on a transaction (V1 <c>transaction</c> object or V2 status response).</summary>
public sealed record GatewayStatus(
    string OrderId,
    string? TxnId,
    long Amount,
    PaymentStatus Status,
    bool IsSandbox,
    DateTime? CompletedAtUtc,
    string? Project,
    string RawJson);

/// <summary>A webhook body from Pakasir, V1 or V2 shape. Only a hint: it is always re-checked with the status API.</summary>
public sealed record PakasirNotification(
    string OrderId,
    string? TxnId,
    long Amount,
    PaymentStatus Status,
    string? Project,
    bool? IsSandbox,
    DateTime? CompletedAtUtc);

/// <summary>The gateway refused or could not be reached. <see cref="IsTransient"/>: a later retry may succeed.</summary>
public sealed class PaymentGatewayException(string message, bool isTransient, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
    public int? StatusCode { get; } = statusCode;
}
