using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Support;

/// <summary>Puts shop data straight into the app's database for dashboard tests (orders change state by SQL updates,
/// as the buying services would).</summary>
public sealed class DashboardSeed(ShopApp app)
{
    public Task<Product> ProductAsync(string code, string name = "Produk", long price = 10_000, string category = "Umum") =>
        app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var cat = await db.Categories.FirstOrDefaultAsync(c => c.Name == category);
            if (cat is null)
            {
                cat = new Category(category, 0, now);
                db.Categories.Add(cat);
                await db.SaveChangesAsync();
            }
            var product = new Product(code, name, cat.Id, price, now);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });

    public Task<Customer> CustomerAsync(long telegramId, string firstName = "Budi", string? username = null) =>
        app.QueryAsync(async db =>
        {
            var c = new Customer(telegramId, firstName, null, username, "id", DateTime.UtcNow);
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

    public Task<IReadOnlyList<long>> StockAsync(long productId, params string[] lines) =>
        app.QueryAsync<IReadOnlyList<long>>(async db =>
        {
            var items = lines.Select(l => new StockItem(productId, app.GetService<StockCipher>().Seal(l), DateTime.UtcNow)).ToList();
            db.StockItems.AddRange(items);
            await db.SaveChangesAsync();
            return items.Select(i => i.Id).ToList();
        });

    /// <summary>An order of one product line; when <paramref name="status"/> is Paid the given items are sold to it.</summary>
    public Task<Order> OrderAsync(Customer customer, Product product, int quantity, OrderStatus status, string invoice,
        DateTime? createdUtc = null, params long[] soldItemIds) =>
        app.QueryAsync(async db =>
        {
            var created = createdUtc ?? DateTime.UtcNow;
            var order = new Order(invoice, customer.Id, PaymentMethod.Qris, product.Price * quantity, 0, null, created, created.AddMinutes(15));
            order.AddLine(product.Id, product.Name, product.Price, quantity);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            if (status != OrderStatus.PendingPayment)
            {
                DateTime? paidAt = status is OrderStatus.Paid or OrderStatus.Refunded ? created.AddMinutes(1) : null;
                await db.Orders.Where(o => o.Id == order.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.PaidAtUtc, paidAt));
            }
            if (soldItemIds.Length > 0)
            {
                await db.StockItems.Where(i => soldItemIds.Contains(i.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, StockItemStatus.Sold).SetProperty(i => i.OrderId, order.Id)
                    .SetProperty(i => i.SoldAtUtc, created));
            }
            return order;
        });
}
