using BotAutoOrder.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> b)
    {
        b.ToTable("vouchers", t =>
        {
            t.HasCheckConstraint("ck_vouchers_value", "\"Value\" > 0 AND (\"Kind\" <> 'Percent' OR \"Value\" <= 100)");
            t.HasCheckConstraint("ck_vouchers_uses", "\"UsedCount\" >= 0 AND (\"TotalUses\" IS NULL OR \"UsedCount\" <= \"TotalUses\")");
        });
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
