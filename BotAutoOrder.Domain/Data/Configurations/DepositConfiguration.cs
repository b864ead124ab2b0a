using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class DepositConfiguration : IEntityTypeConfiguration<Deposit>
{
    public void Configure(EntityTypeBuilder<Deposit> b)
    {
        b.ToTable("deposits", t => t.HasCheckConstraint("ck_deposits_amount_positive", "\"Amount\" > 0"));
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.Status, x.ExpiresAtUtc });
        b.HasIndex(x => new { x.CustomerId, x.CreatedAtUtc });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
