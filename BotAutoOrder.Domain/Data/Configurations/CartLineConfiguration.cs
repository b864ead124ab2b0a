using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.ToTable("cart_lines", t => t.HasCheckConstraint("ck_cart_lines_quantity_positive", "\"Quantity\" > 0"));
        b.HasIndex(x => new { x.CartId, x.ProductId }).IsUnique();
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
