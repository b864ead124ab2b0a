using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Restock;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Domain.Testimonials;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Domain.Warranty;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Data;

/// <summary>
/// The shop's database. Used directly by the services (no repository layer). Each provider has its own subclass
/// (<see cref="PostgresAppDbContext"/>, <see cref="SqliteAppDbContext"/>) so each keeps its own migration set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<CartLine> CartLines => Set<CartLine>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentIssue> PaymentIssues => Set<PaymentIssue>();
    public DbSet<Deposit> Deposits => Set<Deposit>();
    public DbSet<BalanceEntry> BalanceEntries => Set<BalanceEntry>();
    public DbSet<Voucher> Vouchers => Set<Voucher>();
    public DbSet<VoucherRedemption> VoucherRedemptions => Set<VoucherRedemption>();
    public DbSet<TermsProof> TermsProofs => Set<TermsProof>();
    public DbSet<WarrantyClaim> WarrantyClaims => Set<WarrantyClaim>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<BotTextOverride> BotTextOverrides => Set<BotTextOverride>();
    public DbSet<DashboardUser> DashboardUsers => Set<DashboardUser>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RestockSubscription> RestockSubscriptions => Set<RestockSubscription>();
    public DbSet<Testimonial> Testimonials => Set<Testimonial>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>True on PostgreSQL (row locks with SKIP LOCKED, advisory locks are available).</summary>
    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL and safe to reorder.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
