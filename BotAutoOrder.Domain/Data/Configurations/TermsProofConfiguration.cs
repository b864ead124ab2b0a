using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class TermsProofConfiguration : IEntityTypeConfiguration<TermsProof>
{
    public void Configure(EntityTypeBuilder<TermsProof> b)
    {
        b.ToTable("terms_proofs");
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.PhotoFileId).HasMaxLength(256);
        b.Property(x => x.ReviewNote).HasMaxLength(1000);
        b.Property(x => x.ReviewedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.OrderId, x.ProductId }).IsUnique();
        b.HasIndex(x => new { x.Status, x.SubmittedAtUtc });
        b.HasIndex(x => new { x.CustomerId, x.Status });
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
