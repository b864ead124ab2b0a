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
        services.AddSingleton<HostOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<StoreOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<ShopOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        services.AddSingleton<IValidateOptions<AdminOptions>>(sp => sp.GetRequiredService<HostOptionsValidator>());
        return services;
    }
}
