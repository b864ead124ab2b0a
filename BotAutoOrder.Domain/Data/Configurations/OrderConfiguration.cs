using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders", t =>
        {
            t.HasCheckConstraint("ck_orders_amounts",
                "\"Subtotal\" >= 0 AND \"Discount\" >= 0 AND \"Discount\" <= \"Subtotal\" AND \"Total\" = \"Subtotal\" - \"Discount\"");
            t.HasCheckConstraint("ck_orders_paid_has_time", "\"Status\" NOT IN ('Paid', 'Refunded') OR \"PaidAtUtc\" IS NOT NULL");
        });
        b.Property(x => x.InvoiceCode).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => x.InvoiceCode).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.CreatedAtUtc });
        b.HasIndex(x => new { x.Status, x.ExpiresAtUtc });
        // Keyset paging of the dashboard's order list: newest first with the id as tie-breaker (read backwards).
        b.HasIndex(x => new { x.CreatedAtUtc, x.Id });
        b.HasIndex(x => x.PaidAtUtc);
        // The home page's revenue per day: an index-only scan over paid orders (INCLUDE is PostgreSQL only).
        b.HasIndex(x => x.PaidAtUtc, "ix_orders_paid_total").HasFilter("\"Status\" = 'Paid'").IncludeProperties(x => x.Total);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Voucher>().WithMany().HasForeignKey(x => x.VoucherId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
