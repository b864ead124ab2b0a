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
        // One open item per payment and kind: repeated webhooks for the same problem do not pile up.
        b.HasIndex(x => new { x.GatewayOrderId, x.Kind }).IsUnique();
        b.HasOne<Payment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
