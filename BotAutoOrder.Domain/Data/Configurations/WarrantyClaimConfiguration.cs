using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Warranty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class WarrantyClaimConfiguration : IEntityTypeConfiguration<WarrantyClaim>
{
    /// <summary>
    /// The statuses of <see cref="WarrantyClaim.NotClosed"/> as SQL (enums are stored by name); the same text works on
    /// PostgreSQL and SQLite, so both migration sets carry the same partial index.
    /// </summary>
    public const string NotClosedFilter = "\"Status\" IN ('Drafting', 'AwaitingScreenshot', 'Open')";

    public void Configure(EntityTypeBuilder<WarrantyClaim> b)
    {
        b.ToTable("warranty_claims", t =>
            t.HasCheckConstraint("ck_warranty_claims_refund_non_negative", "\"RefundAmount\" IS NULL OR \"RefundAmount\" >= 0"));
        b.Property(x => x.Reason).HasMaxLength(WarrantyClaim.MaxReasonLength);
        b.Property(x => x.PhotoFileId).HasMaxLength(256);
        b.Property(x => x.ResolvedBy).HasMaxLength(200);
        b.Property(x => x.ResolutionNote).HasMaxLength(WarrantyClaim.MaxNoteLength);
        // One claim per item that is not closed: a second "open claim" on the same item is refused by the database.
        b.HasIndex(x => x.StockItemId).IsUnique().HasFilter(NotClosedFilter).HasDatabaseName("ix_warranty_claims_one_open_per_item");
        b.HasIndex(x => new { x.Status, x.SubmittedAtUtc });
        b.HasIndex(x => new { x.CustomerId, x.Status });
        b.HasIndex(x => x.OrderId);
        b.HasIndex(x => x.ProductId);
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockItem>().WithMany().HasForeignKey(x => x.StockItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockItem>().WithMany().HasForeignKey(x => x.ReplacementStockItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
