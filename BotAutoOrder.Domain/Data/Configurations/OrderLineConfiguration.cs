using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("order_lines", t =>
            t.HasCheckConstraint("ck_order_lines_quantity_positive", "\"Quantity\" > 0 AND \"LineTotal\" = \"UnitPrice\" * \"Quantity\""));
        b.Property(x => x.ProductName).HasMaxLength(Product.MaxNameLength);
        b.HasIndex(x => new { x.OrderId, x.ProductId }).IsUnique();
        b.HasIndex(x => x.ProductId);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
