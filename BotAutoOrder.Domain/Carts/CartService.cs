using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Carts;

/// <summary>The buyer's cart, stored in the database. Quantities are bounded by live stock and the per-order limit.</summary>
public sealed class CartService(AppDbContext db, CatalogService catalog, StockService stock, VoucherService vouchers, TimeProvider clock)
{
    public async Task<CartView> GetAsync(long customerId, CancellationToken ct)
    {
        var cart = await db.Carts.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.CustomerId == customerId, ct);
        if (cart is null || cart.Lines.Count == 0) return new CartView([], null, null, 0, 0);
        var ids = cart.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Price, p.PerOrderLimit, Active = p.IsActive && p.Category!.IsActive })
            .ToDictionaryAsync(p => p.Id, ct);
        var available = await stock.AvailableCountsAsync(ids, ct);
        var lines = cart.Lines.OrderBy(l => l.Id).Where(l => products.ContainsKey(l.ProductId)).Select(l =>
        {
            var p = products[l.ProductId];
            var left = available.GetValueOrDefault(l.ProductId);
            var ok = p.Active && left >= l.Quantity && (p.PerOrderLimit is null || l.Quantity <= p.PerOrderLimit);
            return new CartLineView(p.Id, p.Name, p.Price, l.Quantity, left, p.PerOrderLimit, ok);
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        if (cart.VoucherId is not { } voucherId) return new CartView(lines, null, null, subtotal, 0);
        var voucher = await db.Vouchers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voucherId, ct);
        if (voucher is null) return new CartView(lines, null, null, subtotal, 0);
        var check = await vouchers.CheckAsync(voucher, customerId, subtotal, ct);
        return new CartView(lines, voucher.Code, check.Verdict, subtotal, check.Discount);
    }

    /// <summary>Sets a product's quantity (0 removes it), bounded by stock and the per-order limit.</summary>
    public async Task<CartChange> SetQuantityAsync(long customerId, long productId, int quantity, CancellationToken ct)
    {
        quantity = Math.Max(0, quantity);
        var cart = await LoadOrCreateAsync(customerId, ct);
        if (quantity > 0)
        {
            var product = await catalog.GetProductAsync(productId, ct);
            if (product is null || product.IsSoldOut) return new CartChange(CartChangeOutcome.ProductUnavailable, 0, 0);
            if (quantity > product.MaxPerOrder) return new CartChange(CartChangeOutcome.TooMany, quantity, product.MaxPerOrder);
        }
        cart.SetQuantity(productId, quantity, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new CartChange(CartChangeOutcome.Updated, quantity, quantity);
    }

    /// <summary>Adds to what is already in the cart.</summary>
    public async Task<CartChange> AddAsync(long customerId, long productId, int quantity, CancellationToken ct)
    {
        var current = await db.CartLines.Where(l => l.ProductId == productId
            && db.Carts.Any(c => c.Id == l.CartId && c.CustomerId == customerId))
            .Select(l => l.Quantity).FirstOrDefaultAsync(ct);
        return await SetQuantityAsync(customerId, productId, current + quantity, ct);
    }

    public async Task ClearAsync(long customerId, CancellationToken ct)
    {
        var cart = await LoadOrCreateAsync(customerId, ct);
        cart.Clear(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Applies a voucher code to the cart when it is valid for the cart now.</summary>
    public async Task<VoucherCheck> ApplyVoucherAsync(long customerId, string code, CancellationToken ct)
    {
        var view = await GetAsync(customerId, ct);
        var check = await vouchers.CheckAsync(code, customerId, view.Subtotal, ct);
        if (!check.IsValid) return check;
        var cart = await LoadOrCreateAsync(customerId, ct);
        cart.ApplyVoucher(check.Voucher!.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return check;
    }

    public async Task RemoveVoucherAsync(long customerId, CancellationToken ct)
    {
        var cart = await LoadOrCreateAsync(customerId, ct);
        cart.ApplyVoucher(null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Cart> LoadOrCreateAsync(long customerId, CancellationToken ct)
    {
        var cart = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.CustomerId == customerId, ct);
        if (cart is not null) return cart;
        cart = new Cart(customerId, clock.GetUtcNow().UtcDateTime);
        db.Carts.Add(cart);
        return cart;
    }
}
