using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> b)
    {
        b.ToTable("stock_items", t => t.HasCheckConstraint("ck_stock_items_order_matches_status",
            "(\"Status\" IN ('Available', 'Unlimited') AND \"OrderId\" IS NULL) OR (\"Status\" NOT IN ('Available', 'Unlimited') AND " +
                "\"OrderId\" IS NOT NULL)"));
        // Ciphertext is base64 of up to 4000 characters of UTF-8 plus nonce and tag, so no fixed length; the column
        // keeps its old name so that start-up can find and encrypt rows written before encryption.
        b.Property(x => x.Ciphertext).HasColumnName("Content");
        b.Property(x => x.KeyId).HasMaxLength(16);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        // The same line can never be stocked twice for a product.
        b.HasIndex(x => new { x.ProductId, x.ContentHash }).IsUnique();
        // Reservation picks the oldest available items of a product.
        b.HasIndex(x => new { x.ProductId, x.Status, x.Id });
        b.HasIndex(x => x.OrderId);
        // One template per unlimited product, so two admins saving at once cannot leave two different contents.
        b.HasIndex(x => x.ProductId).IsUnique().HasFilter("\"Status\" = 'Unlimited'").HasDatabaseName("ix_stock_items_unlimited_template");
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
