using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Testimonials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class TestimonialConfiguration : IEntityTypeConfiguration<Testimonial>
{
    public void Configure(EntityTypeBuilder<Testimonial> b)
    {
        b.ToTable("testimonials", t => t.HasCheckConstraint("ck_testimonials_rating", "\"Rating\" BETWEEN 1 AND 5"));
        b.Property(x => x.Text).HasMaxLength(Testimonial.MaxTextLength);
        // One testimonial per product of an order: a second tap on the stars changes the rating, never adds a row.
        b.HasIndex(x => new { x.OrderId, x.ProductId }).IsUnique();
        // The product card's average and the dashboard list.
        b.HasIndex(x => new { x.ProductId, x.IsHidden });
        b.HasIndex(x => new { x.CustomerId, x.AwaitingText });
        b.HasIndex(x => x.CreatedAtUtc);
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
