using BotAutoOrder.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> b)
    {
        b.ToTable("dashboard_users");
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.PasswordHash).HasMaxLength(500);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.TwoFactorSecret).HasMaxLength(1000);
        b.Property(x => x.RecoveryCodeHashes).HasMaxLength(1000);
        b.HasIndex(x => x.Email).IsUnique();
    }
}
