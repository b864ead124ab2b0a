using BotAutoOrder.Domain.Payments;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

public static class PaymentFlowSetup
{
    /// <summary>What connects the gateway to the shop: confirming payments and creating/cancelling invoices.</summary>
    public static IServiceCollection AddPaymentFlow(this IServiceCollection services)
    {
        services.AddSingleton<PaymentConfirmer>();
        services.AddSingleton(sp =>
        {
            var pakasir = sp.GetRequiredService<IOptions<PakasirOptions>>().Value;
            return new GatewayAccount(pakasir.EffectiveProject, pakasir.EffectiveMode == PakasirMode.Live);
        });
        services.AddScoped<GatewayInvoices>();
        return services;
    }
}
