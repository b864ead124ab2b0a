using BotAutoOrder.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products", t =>
        {
            t.HasCheckConstraint("ck_products_price_positive", "\"Price\" > 0");
            t.HasCheckConstraint("ck_products_per_order_limit_positive", "\"PerOrderLimit\" IS NULL OR \"PerOrderLimit\" > 0");
            t.HasCheckConstraint("ck_products_low_stock_non_negative", "\"LowStockThreshold\" IS NULL OR \"LowStockThreshold\" >= 0");
            t.HasCheckConstraint("ck_products_warranty_days_non_negative", "\"WarrantyDays\" >= 0");
        });
        b.Property(x => x.Code).HasMaxLength(Product.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(Product.MaxNameLength);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.TermsText).HasMaxLength(4000);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.CategoryId, x.IsActive });
        b.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
