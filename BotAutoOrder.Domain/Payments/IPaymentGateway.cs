namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// The payment gateway as the shop sees it. Implemented by the Pakasir V1 and V2 clients (chosen by
/// <c>Pakasir:ApiVersion</c>, never falling back from one to the other). Expected gateway refusals and outages
/// surface as <see cref="PaymentGatewayException"/>.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Creates (V2: finds or creates) the transaction for our order id.</summary>
    Task<GatewayTransaction> CreateAsync(string orderId, long amount, CancellationToken ct);

    /// <summary>Asks the gateway for the transaction's status. This is what payment decisions rest on.</summary>
    Task<GatewayStatus> GetStatusAsync(GatewayReference reference, CancellationToken ct);

    /// <summary>Cancels an open transaction at the gateway.</summary>
    Task CancelAsync(GatewayReference reference, CancellationToken ct);
}
