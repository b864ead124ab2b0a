using BotAutoOrder.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class PaymentIssueConfiguration : IEntityTypeConfiguration<PaymentIssue>
{
    public void Configure(EntityTypeBuilder<PaymentIssue> b)
    {
        b.ToTable("payment_issues");
        b.Property(x => x.GatewayOrderId).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.Property(x => x.ResolvedBy).HasMaxLength(200);
        b.Property(x => x.ResolutionNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.ResolvedAtUtc, x.CreatedAtUtc });
        b.HasOne<Payment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
