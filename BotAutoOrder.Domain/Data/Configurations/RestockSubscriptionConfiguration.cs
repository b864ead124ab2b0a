using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Restock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BotAutoOrder.Domain.Data.Configurations;

public sealed class RestockSubscriptionConfiguration : IEntityTypeConfiguration<RestockSubscription>
{
    public void Configure(EntityTypeBuilder<RestockSubscription> b)
    {
        b.ToTable("restock_subscriptions");
        // One subscription per buyer and product: pressing the bell twice changes nothing.
        b.HasIndex(x => new { x.ProductId, x.CustomerId }).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
