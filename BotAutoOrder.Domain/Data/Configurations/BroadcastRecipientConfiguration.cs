using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class BroadcastRecipientConfiguration : IEntityTypeConfiguration<BroadcastRecipient>
{
    public void Configure(EntityTypeBuilder<BroadcastRecipient> b)
    {
        b.ToTable("broadcast_recipients");
        b.Property(x => x.Error).HasMaxLength(500);
        b.HasIndex(x => new { x.BroadcastId, x.CustomerId }).IsUnique();
        b.HasIndex(x => new { x.BroadcastId, x.Status });
        b.HasOne<Broadcast>().WithMany().HasForeignKey(x => x.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
