using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Orders;

/// <summary>
/// Cart → order in one transaction: the cart claimed (its lines deleted) first, prices re-read, every voucher rule
/// re-checked in the redemption's conditional update, every line's stock reserved with
/// conditional updates (all or nothing, never oversold), and for balance payment the ledger debited and the order
/// fulfilled before commit. QRIS orders get a pending <see cref="Payment"/>; <see cref="OpenInvoiceAsync"/> then opens
/// the transaction at the gateway, or cancels the order when the gateway fails.
/// </summary>
public sealed class CheckoutService(AppDbContext db, CartService carts, StockService stock, VoucherService vouchers,
    BalanceService balances, FulfilmentService fulfilment, SettingsService settings, OrderLifecycleService lifecycle,
    GatewayInvoices invoices, AuditLog audit, TimeProvider clock)
{
    public async Task<CheckoutResult> CheckoutAsync(long customerId, PaymentMethod method, string paymentMethodCode, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == customerId, ct);
        if (customer.IsBlocked) return new CheckoutResult(CheckoutOutcome.Blocked);
        var cart = await carts.GetAsync(customerId, ct);
        if (cart.IsEmpty) return new CheckoutResult(CheckoutOutcome.CartEmpty);
        foreach (var line in cart.Lines)
        {
            if (line.PerOrderLimit is { } limit && line.Quantity > limit)
                return new CheckoutResult(CheckoutOutcome.LimitExceeded, ProductName: line.Name);
            if (!line.IsPurchasable)
                return new CheckoutResult(line.Available > 0 ? CheckoutOutcome.OutOfStock : CheckoutOutcome.ProductUnavailable,
                    ProductName: line.Name);
        }
        if (cart.VoucherCode is not null && cart.VoucherVerdict != VoucherVerdict.Valid)
            return new CheckoutResult(CheckoutOutcome.VoucherInvalid, VoucherVerdict: cart.VoucherVerdict);

        var rules = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var voucherId = cart.VoucherCode is null ? (long?)null
            : await db.Vouchers.Where(v => v.Code == cart.VoucherCode).Select(v => (long?)v.Id).FirstAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claim the cart first: its lines are deleted in this transaction, so a second checkout of the same cart (two taps
        // landing on two instances) waits for this one and then finds nothing to claim — one cart, one order.
        var claimed = await db.CartLines.Where(l =>
            db.Carts.Any(c => c.Id == l.CartId && c.CustomerId == customerId)).ExecuteDeleteAsync(ct);
        if (claimed != cart.Lines.Count) return RolledBack(new CheckoutResult(CheckoutOutcome.CartEmpty));
        var order = new Order(InvoiceCodes.NewInvoice(now), customerId, method, cart.Subtotal, cart.Discount, voucherId, now,
            now.AddMinutes(rules.InvoiceExpiryMinutes));
        foreach (var line in cart.Lines) order.AddLine(line.ProductId, line.Name, line.UnitPrice, line.Quantity);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);

        foreach (var line in cart.Lines)
            if (!await stock.ReserveAsync(line.ProductId, order.Id, line.Quantity, ct))
                return RolledBack(new CheckoutResult(CheckoutOutcome.OutOfStock, ProductName: line.Name));
        if (voucherId is { } vid && !await vouchers.RedeemAsync(vid, customerId, order.Id, cart.Subtotal, cart.Discount, ct))
            return RolledBack(new CheckoutResult(CheckoutOutcome.VoucherInvalid, VoucherVerdict: VoucherVerdict.UsedUp));

        var actor = AuditLog.Buyer(customer.TelegramUserId);
        audit.Record(actor, AuditActions.OrderCreated, "Order", order.Id,
            new { order.InvoiceCode, order.Subtotal, order.Discount, order.Total, method = method.ToString() });
        long? paymentId = null;
        var paid = false;
        if (order.Total == 0 || method == PaymentMethod.Balance)
        {
            if (order.Total > 0)
            {
                var debit = await balances.ApplyAsync(customerId, BalanceEntryKind.Purchase, -order.Total, order.InvoiceCode, null, actor,
                    ct);
                if (!debit.Succeeded)
                    return RolledBack(new CheckoutResult(CheckoutOutcome.InsufficientBalance, Total: order.Total, Balance: debit.Balance));
            }
            await db.SaveChangesAsync(ct);
            paid = await fulfilment.PayPendingAsync(order.Id, actor, order.Total == 0 ? "free" : "balance", ct);
        }
        else
        {
            var payment = new Payment(PaymentPurpose.Order, order.Id, null, order.InvoiceCode, paymentMethodCode, order.Total, now);
            db.Payments.Add(payment);
            await db.SaveChangesAsync(ct);
            paymentId = payment.Id;
        }
        var cartEntity = await db.Carts.Include(c => c.Lines).FirstAsync(c => c.CustomerId == customerId, ct);
        cartEntity.Clear(now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CheckoutResult(CheckoutOutcome.Created, order.Id, order.InvoiceCode, order.Total, paid, paymentId);
    }

    /// <summary>
    /// Opens the QRIS transaction for an order <see cref="CheckoutAsync"/> created. When the gateway refuses or cannot be
    /// reached the order is cancelled at once (stock and voucher released): nothing waits for a payment that cannot come.
    /// </summary>
    /// <returns>The order and payment to show, or null when the gateway failed and the order was cancelled.</returns>
    public async Task<OpenInvoice?> OpenInvoiceAsync(CheckoutResult created, CancellationToken ct)
    {
        if (!await invoices.CreateAsync(created.PaymentId!.Value, ct))
        {
            await lifecycle.CloseUnpaidAsync(created.OrderId!.Value, OrderStatus.Cancelled, AuditLog.Job("checkout"), "gateway failed", ct);
            return null;
        }
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstAsync(o => o.Id == created.OrderId, ct);
        var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == created.PaymentId, ct);
        return new OpenInvoice(order, payment);
    }

    /// <summary>Remembers the chat message that shows the order's QR (edited when the order is paid, expires or is cancelled).</summary>
    public async Task AttachQrMessageAsync(long orderId, long chatId, int messageId, CancellationToken ct)
    {
        var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
        order.AttachQrMessage(chatId, messageId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The buyer cancels their unpaid order: first at the gateway, so no payment can start after this, then here.</summary>
    /// <returns>False when it is no longer the buyer's pending order (paid, expired, cancelled, or not theirs).</returns>
    public async Task<bool> CancelByBuyerAsync(long customerId, long orderId, string actor, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, ct);
        if (order is null || order.Status != OrderStatus.PendingPayment) return false;
        await invoices.CancelAsync(order.InvoiceCode, ct);
        return await lifecycle.CloseUnpaidAsync(orderId, OrderStatus.Cancelled, actor, "buyer", ct);
    }

    /// <summary>The transaction rolls back when disposed; forget what the context tracked from it.</summary>
    private CheckoutResult RolledBack(CheckoutResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }
}
