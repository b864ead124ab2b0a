using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class BotTextOverrideConfiguration : IEntityTypeConfiguration<BotTextOverride>
{
    public void Configure(EntityTypeBuilder<BotTextOverride> b)
    {
        b.ToTable("bot_text_overrides");
        b.HasKey(x => new { x.Key, x.Language });
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Text).HasMaxLength(4096);
    }
}
