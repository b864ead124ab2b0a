using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Settings;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

public static class HostSetup
{
    /// <summary>The host-level options of the contract (<c>Store</c>, <c>Shop</c>, <c>Admin</c>), validated at start-up.</summary>
    public static IServiceCollection AddHostOptions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StoreOptions>().Bind(config.GetSection(StoreOptions.Section)).ValidateOnStart();
        services.AddOptions<ShopOptions>().Bind(config.GetSection(ShopOptions.Section)).ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(config.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var shop = sp.GetRequiredService<IOptions<ShopOptions>>().Value;
            var store = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return new ShopSettingsDefaults(new ShopSettings
            {
                StoreName = store.Name,
                InvoiceExpiryMinutes = shop.InvoiceExpiryMinutes,
                DepositMin = shop.DepositMin,
                DepositMax = shop.DepositMax,
                SpamMaxActions = shop.SpamMaxActions,
                SpamWindowSeconds = shop.SpamWindowSeconds,
                LowStockThreshold = shop.LowStockThreshold,
                SendRatePerSecond = shop.SendRatePerSecond,
                ContactUsername = shop.ContactUsername,
            });
        });
        services.AddSingleton(sp =>
            new StoreTime(sp.GetRequiredService<IOptions<StoreOptions>>().Value.TimeZone, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HostOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<StoreOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<ShopOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<AdminOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<Dashboard.DashboardOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<Dashboard.KeyProtectionOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<MetricsOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        return services;
    }
}
