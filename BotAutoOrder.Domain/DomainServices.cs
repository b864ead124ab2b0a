using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Domain.Warranty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotAutoOrder.Domain;

public static class DomainServices
{
    /// <summary>Registers the domain services (the <see cref="Data.AppDbContext"/> is registered by the host).</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<StoreStatsCache>();
        services.TryAddSingleton<StockCipher>();
        services.AddScoped<SettingsService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditedSave>();
        services.AddScoped<CustomerService>();
        services.AddScoped<AdminAlerts>();
        services.AddScoped<BuyerOrderService>();
        services.AddScoped<BalanceService>();
        services.AddScoped<DepositService>();
        services.AddScoped<StockService>();
        services.AddScoped<VoucherService>();
        services.AddScoped<CartService>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxRows>();
        services.AddScoped<FulfilmentService>();
        services.AddScoped<OrderLifecycleService>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<PaymentService>();
        services.AddScoped<GatewayAnswers>();
        services.AddScoped<PaymentConfirmation>();
        services.AddScoped<OrderAdminService>();
        services.AddScoped<TermsService>();
        services.AddScoped<ReplacementStock>();
        services.AddScoped<ClaimResolutionService>();
        services.AddScoped<WarrantyService>();
        services.AddScoped<CatalogService>();
        services.AddScoped<StaffService>();
        services.AddScoped<StaffTwoFactorService>();
        services.AddScoped<BotTextService>();
        services.AddScoped<CatalogCsvService>();
        services.AddScoped<StockImportService>();
        services.AddScoped<StockKeyRotation>();
        services.AddScoped<ProductAdminService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<VoucherAdminService>();
        services.AddScoped<BuyerAdminService>();
        services.AddScoped<PaymentIssueService>();
        services.AddScoped<StockReveal>();
        services.AddScoped<Backups.BackupDownloads>();
        services.AddScoped<Restock.RestockService>();
        services.AddScoped<UnlimitedStockService>();
        services.AddScoped<Testimonials.TestimonialService>();
        return services;
    }
}
