using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Web.Payments;

public static class PaymentFlowSetup
{
    /// <summary>What connects the gateway to the shop: confirming payments and creating/cancelling invoices.</summary>
    public static IServiceCollection AddPaymentFlow(this IServiceCollection services)
    {
        services.AddSingleton<PaymentConfirmer>();
        services.AddScoped<GatewayInvoices>();
        return services;
    }
}
