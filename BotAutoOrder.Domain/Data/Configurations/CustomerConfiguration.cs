using BotAutoOrder.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers", t => t.HasCheckConstraint("ck_customers_balance_non_negative", "\"Balance\" >= 0"));
        b.HasIndex(x => x.TelegramUserId).IsUnique();
        // Keyset paging of the dashboard's buyer list (newest first, id as tie-breaker). The name search's trigram
        // indexes are expression indexes, created in SQL by migration I11_DashboardIndexes (PostgreSQL only).
        b.HasIndex(x => new { x.CreatedAtUtc, x.Id });
        b.HasIndex(x => x.Username);
        b.Property(x => x.FirstName).HasMaxLength(128);
        b.Property(x => x.LastName).HasMaxLength(128);
        b.Property(x => x.Username).HasMaxLength(64);
        b.Property(x => x.LanguageCode).HasMaxLength(16);
        b.Ignore(x => x.DisplayName);
    }
}
