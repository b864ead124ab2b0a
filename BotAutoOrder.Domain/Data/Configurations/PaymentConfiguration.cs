using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments", t =>
        {
            t.HasCheckConstraint("ck_payments_amounts", "\"Amount\" > 0 AND \"Fee\" >= 0 AND \"TotalPayment\" >= \"Amount\"");
            t.HasCheckConstraint("ck_payments_target",
                "(\"Purpose\" = 'Order' AND \"OrderId\" IS NOT NULL AND \"DepositId\" IS NULL) OR (\"Purpose\" = 'Deposit' AND " +
                    "\"DepositId\" IS NOT NULL AND \"OrderId\" IS NULL)");
        });
        b.Property(x => x.Gateway).HasMaxLength(32);
        b.Property(x => x.GatewayOrderId).HasMaxLength(64);
        b.Property(x => x.TxnId).HasMaxLength(128);
        b.Property(x => x.Method).HasMaxLength(32);
        b.Property(x => x.PaymentUrl).HasMaxLength(1000);
        b.HasIndex(x => x.GatewayOrderId).IsUnique();
        b.HasIndex(x => x.TxnId);
        b.HasIndex(x => new { x.Status, x.LastCheckedAtUtc });
        b.HasIndex(x => x.OrderId);
        b.HasIndex(x => x.DepositId);
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Deposit>().WithMany().HasForeignKey(x => x.DepositId).OnDelete(DeleteBehavior.Restrict);
    }
}
