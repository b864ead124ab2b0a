using System.Data.Common;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BotAutoOrder.Tests.Domain;

/// <summary>
/// An unlimited product's units are copies of its template, one INSERT per unit. When the seller switches the product back
/// to normal stock between two of them (the template deleted by a commit in between), the order must keep none of its
/// copies: reserving then falls through to normal stock for the whole quantity, never copies plus items.
/// </summary>
public sealed class StockCopiesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Reserve_TemplateDeletedBetweenTwoCopies_KeepsNoCopyAndTakesNormalStock()
    {
        var database = await TestDbContexts.CreateMigratedAsync(DatabaseProvider.Sqlite, "copies");
        var (productId, orderId) = await SeedAsync(database);
        var interceptor = new DeleteTemplateBeforeSecondCopy();
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(interceptor).Options);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await new StockService(db, TimeProvider.System).ReserveAsync(productId, orderId, 2, CancellationToken.None));
            await tx.CommitAsync();
        }

        Assert.Equal(2, interceptor.CopyInserts); // the race happened: a first copy, then a second attempt finding no template
        var held = await db.StockItems.AsNoTracking().Where(s => s.OrderId == orderId).ToListAsync();
        Assert.Equal(2, held.Count);
        Assert.All(held, s => Assert.False(s.IsCopy));
    }

    private static async Task<(long ProductId, long OrderId)> SeedAsync(TestDatabase database)
    {
        await using var db = TestDbContexts.Create(database);
        var category = new Category("Streaming", 1, Now);
        db.Categories.Add(category);
        var customer = new Customer(71_001, "Budi", null, null, "id", Now);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var product = new Product("CPY", "Canva", category.Id, 10_000, Now);
        product.SetUnlimited(true, Now);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        var cipher = TestStockKeys.Cipher;
        db.StockItems.Add(StockItem.UnlimitedTemplate(product.Id, cipher.Seal("canva-team-link"), Now));
        db.StockItems.Add(new StockItem(product.Id, cipher.Seal("akun-1"), Now));
        db.StockItems.Add(new StockItem(product.Id, cipher.Seal("akun-2"), Now));
        var order = new Order("INV-CPY-1", customer.Id, PaymentMethod.Balance, 20_000, 0, null, Now, Now.AddMinutes(15));
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return (product.Id, order.Id);
    }

    /// <summary>Plays the seller's "back to normal stock" commit just before the second copy's INSERT runs.</summary>
    private sealed class DeleteTemplateBeforeSecondCopy : DbCommandInterceptor
    {
        public int CopyInserts { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO stock_items", StringComparison.Ordinal) && ++CopyInserts == 2)
            {
                await using var delete = command.Connection!.CreateCommand();
                delete.Transaction = command.Transaction;
                delete.CommandText = "DELETE FROM stock_items WHERE \"Status\" = 'Unlimited'";
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }
}
