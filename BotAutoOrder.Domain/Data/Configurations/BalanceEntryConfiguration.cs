using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class BalanceEntryConfiguration : IEntityTypeConfiguration<BalanceEntry>
{
    public void Configure(EntityTypeBuilder<BalanceEntry> b)
    {
        b.ToTable("balance_entries", t =>
        {
            t.HasCheckConstraint("ck_balance_entries_balance_after_non_negative", "\"BalanceAfter\" >= 0");
            t.HasCheckConstraint("ck_balance_entries_amount_non_zero", "\"Amount\" <> 0");
        });
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Actor).HasMaxLength(200);
        // The same deposit, purchase or refund is never applied twice.
        b.HasIndex(x => new { x.Kind, x.Reference }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.Id });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
