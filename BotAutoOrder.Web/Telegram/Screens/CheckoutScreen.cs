using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Checkout: method choice, the order with reserved stock, the QRIS invoice (or balance payment), status and cancel.</summary>
public sealed class CheckoutScreen(AppDbContext db, CartService carts, CheckoutService checkout, OrderLifecycleService lifecycle,
    GatewayInvoices invoices, PaymentConfirmer confirmer, IOptions<PakasirOptions> pakasir, BotTexts texts, Buttons buttons,
    ScreenSender screens, InvoiceCaptions captions, QrSender qr, VoucherTexts voucherTexts, ILogger<CheckoutScreen> log)
{
    public async Task ShowChoiceAsync(BuyerContext buyer, CancellationToken ct)
    {
        var cart = await carts.GetAsync(buyer.Customer.Id, ct);
        if (cart.IsEmpty)
        {
            await screens.ShowAsync(buyer, await texts.RenderAsync(BotTextCatalog.CartEmpty, buyer.Lang, ct), null, ct);
            return;
        }
        var text = await texts.RenderAsync(BotTextCatalog.ChoosePayment, buyer.Lang, ct,
            ("total", Rupiah.Display(cart.Total)), ("balance", Rupiah.Display(buyer.Customer.Balance)));
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(new[]
        {
            new[] { await buttons.Callback(BotTextCatalog.BtnPayQris, buyer.Lang, CallbackData.Pay("q"), ct) },
            new[] { await buttons.Callback(BotTextCatalog.BtnPayBalance, buyer.Lang, CallbackData.Pay("b"), ct) },
            new[] { await buttons.Callback(BotTextCatalog.BtnBack, buyer.Lang, CallbackData.Cart, ct) },
        }), ct);
    }

    public async Task PayAsync(BuyerContext buyer, PaymentMethod method, CancellationToken ct)
    {
        await buyer.AnswerAsync("⏳");
        var result = await checkout.CheckoutAsync(buyer.Customer.Id, method, pakasir.Value.Method, ct);
        switch (result.Outcome)
        {
            case CheckoutOutcome.Created when result.IsPaid:
                await screens.ShowAsync(buyer, await texts.RenderAsync(BotTextCatalog.PaidWithBalance, buyer.Lang, ct, ("invoice", result.InvoiceCode)), null, ct);
                return;
            case CheckoutOutcome.Created:
                await SendInvoiceAsync(buyer, result, ct);
                return;
            default:
                await screens.ShowAsync(buyer, await RefusalAsync(buyer, result, ct), null, ct, newMessage: true);
                return;
        }
    }

    private async Task SendInvoiceAsync(BuyerContext buyer, CheckoutResult result, CancellationToken ct)
    {
        if (!await invoices.CreateAsync(result.PaymentId!.Value, ct))
        {
            await lifecycle.CloseUnpaidAsync(result.OrderId!.Value, OrderStatus.Cancelled, AuditLog.Job("checkout"), "gateway failed", ct);
            await screens.ShowAsync(buyer, await texts.RenderAsync(BotTextCatalog.CheckoutGatewayFailed, buyer.Lang, ct), null, ct, newMessage: true);
            return;
        }
        var order = await db.Orders.Include(o => o.Lines).FirstAsync(o => o.Id == result.OrderId, ct);
        var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == result.PaymentId, ct);
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { await buttons.Callback(BotTextCatalog.BtnCheckStatus, buyer.Lang, CallbackData.Status(order.Id), ct),
                await buttons.Callback(BotTextCatalog.BtnCancel, buyer.Lang, CallbackData.Cancel(order.Id), ct) },
        };
        if (QrSender.IsOpenableUrl(payment.PaymentUrl))
            rows.Add([await buttons.Url(BotTextCatalog.BtnPaymentPage, buyer.Lang, payment.PaymentUrl!, ct)]);
        var caption = await captions.OpenAsync(order, payment, buyer.Lang, ct);
        var messageId = await qr.SendAsync(buyer.ChatId, payment.QrString ?? payment.GatewayOrderId, caption, new InlineKeyboardMarkup(rows), ct);
        order.AttachQrMessage(buyer.ChatId, messageId);
        await db.SaveChangesAsync(ct);
    }

    public async Task CheckStatusAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == buyer.Customer.Id, ct);
        if (order is null) { await buyer.AnswerAsync(await texts.RenderAsync(BotTextCatalog.StaleButton, buyer.Lang, ct)); return; }
        if (order.Status == OrderStatus.PendingPayment)
        {
            var outcome = await confirmer.ConfirmAsync(order.InvoiceCode, AuditLog.Buyer(buyer.Customer.TelegramUserId), ct);
            var toast = outcome.Status switch
            {
                ConfirmationStatus.Applied => BotTextCatalog.StatusPaid,
                ConfirmationStatus.GatewayUnavailable => BotTextCatalog.StatusUnavailable,
                _ => BotTextCatalog.StatusPending,
            };
            await buyer.AnswerAsync(await texts.RenderAsync(toast, buyer.Lang, ct), alert: toast != BotTextCatalog.StatusPaid);
            return;
        }
        await buyer.AnswerAsync(await texts.RenderAsync(order.Status == OrderStatus.Paid ? BotTextCatalog.StatusPaid : BotTextCatalog.StaleButton, buyer.Lang, ct));
    }

    public async Task CancelAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == buyer.Customer.Id, ct);
        if (order is null || order.Status != OrderStatus.PendingPayment)
        {
            await buyer.AnswerAsync(await texts.RenderAsync(BotTextCatalog.StaleButton, buyer.Lang, ct));
            return;
        }
        await invoices.CancelAsync(order.InvoiceCode, ct); // first at the gateway, so no payment can start after this
        var cancelled = await lifecycle.CloseUnpaidAsync(orderId, OrderStatus.Cancelled, AuditLog.Buyer(buyer.Customer.TelegramUserId), "buyer", ct);
        log.LogInformation("Order {Invoice} cancelled by the buyer: {Cancelled}", order.InvoiceCode, cancelled);
        await buyer.AnswerAsync(await texts.RenderAsync(cancelled ? BotTextCatalog.OrderCancelledToast : BotTextCatalog.StaleButton, buyer.Lang, ct));
    }

    private async Task<string> RefusalAsync(BuyerContext buyer, CheckoutResult r, CancellationToken ct) => r.Outcome switch
    {
        CheckoutOutcome.CartEmpty => await texts.RenderAsync(BotTextCatalog.CartEmpty, buyer.Lang, ct),
        CheckoutOutcome.OutOfStock or CheckoutOutcome.ProductUnavailable =>
            await texts.RenderAsync(BotTextCatalog.CheckoutOutOfStock, buyer.Lang, ct, ("product", r.ProductName)),
        CheckoutOutcome.LimitExceeded => await texts.RenderAsync(BotTextCatalog.CheckoutLimit, buyer.Lang, ct, ("product", r.ProductName)),
        CheckoutOutcome.InsufficientBalance => await texts.RenderAsync(BotTextCatalog.CheckoutInsufficient, buyer.Lang, ct,
            ("balance", Rupiah.Display(r.Balance)), ("total", Rupiah.Display(r.Total))),
        CheckoutOutcome.Blocked => await texts.RenderAsync(BotTextCatalog.Blocked, buyer.Lang, ct),
        _ => await texts.RenderAsync(BotTextCatalog.VoucherRejected, buyer.Lang, ct,
            ("reason", new TgHtml(await voucherTexts.ReasonAsync(r.VoucherVerdict ?? Domain.Vouchers.VoucherVerdict.NotFound, buyer.Lang, ct)))),
    };
}
