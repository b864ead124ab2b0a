using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> b)
    {
        b.ToTable("inbound_events");
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.ReceivedAtUtc);
    }
}
