using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.ToTable("broadcasts");
        b.Property(x => x.HtmlText).HasMaxLength(TelegramLimits.MessageText);
        b.Property(x => x.PhotoFileName).HasMaxLength(255);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => x.CreatedAtUtc);
    }
}
