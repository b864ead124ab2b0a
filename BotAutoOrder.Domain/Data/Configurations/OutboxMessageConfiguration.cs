using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.DeduplicationKey).HasMaxLength(200);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => x.DeduplicationKey).IsUnique();
        // The sender's query: due pending messages, most urgent lane first, oldest first within a lane.
        b.HasIndex(x => new { x.Status, x.Lane, x.NextAttemptAtUtc, x.Id });
        // A chat's earlier pending rows (the sender keeps one chat's messages in order).
        b.HasIndex(x => new { x.ChatId, x.Status, x.Id });
        b.HasIndex(x => x.BroadcastRecipientId);
        b.HasOne<BroadcastRecipient>().WithMany().HasForeignKey(x => x.BroadcastRecipientId).OnDelete(DeleteBehavior.SetNull);
    }
}
