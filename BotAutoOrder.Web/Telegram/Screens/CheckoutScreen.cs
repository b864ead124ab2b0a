using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram.Messages;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>Checkout: method choice, the order with reserved stock, the QRIS invoice (or balance payment), status and cancel.</summary>
public sealed class CheckoutScreen(BuyerOrderService orders, CartService carts, CheckoutService checkout, PaymentConfirmer confirmer,
    IOptions<PakasirOptions> pakasir, Buttons buttons, ScreenSender screens, InvoiceCaptions captions, QrSender qr,
        VoucherTexts voucherTexts,
    ILogger<CheckoutScreen> log)
{
    public async Task ShowChoiceAsync(BuyerContext buyer, CancellationToken ct)
    {
        var cart = await carts.GetAsync(buyer.Customer.Id, ct);
        if (cart.IsEmpty)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.CartEmpty), null, ct);
            return;
        }
        var text = await buyer.Text(BotTextCatalog.ChoosePayment,
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
                await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.PaidWithBalance, ("invoice", result.InvoiceCode)), null, ct);
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
        if (await checkout.OpenInvoiceAsync(result, ct) is not { } invoice)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.CheckoutGatewayFailed), null, ct, newMessage: true);
            return;
        }
        var (order, payment) = invoice;
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { await buttons.Callback(BotTextCatalog.BtnCheckStatus, buyer.Lang, CallbackData.Status(order.Id), ct),
                await buttons.Callback(BotTextCatalog.BtnCancel, buyer.Lang, CallbackData.Cancel(order.Id), ct) },
        };
        if (QrSender.IsOpenableUrl(payment.PaymentUrl))
            rows.Add([await buttons.Url(BotTextCatalog.BtnPaymentPage, buyer.Lang, payment.PaymentUrl!, ct)]);
        var caption = await captions.OpenAsync(order, payment, buyer.Lang, ct);
        var messageId =
            await qr.SendAsync(buyer.ChatId, payment.QrString ?? payment.GatewayOrderId, caption, new InlineKeyboardMarkup(rows), ct);
        await checkout.AttachQrMessageAsync(order.Id, buyer.ChatId, messageId, ct);
    }

    public async Task CheckStatusAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var order = await orders.FindAsync(buyer.Customer.Id, orderId, ct);
        if (order is null) { await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton)); return; }
        if (order.Status == OrderStatus.PendingPayment)
        {
            var outcome = await confirmer.ConfirmAsync(order.InvoiceCode, AuditLog.Buyer(buyer.Customer.TelegramUserId), ct);
            var toast = outcome.Status switch
            {
                ConfirmationStatus.Applied => BotTextCatalog.StatusPaid,
                ConfirmationStatus.GatewayUnavailable => BotTextCatalog.StatusUnavailable,
                _ => BotTextCatalog.StatusPending,
            };
            await buyer.AnswerAsync(await buyer.Text(toast), alert: toast != BotTextCatalog.StatusPaid);
            return;
        }
        await buyer.AnswerAsync(await buyer.Text(order.Status == OrderStatus.Paid ? BotTextCatalog.StatusPaid
            : BotTextCatalog.StaleButton));
    }

    public async Task CancelAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var cancelled = await checkout.CancelByBuyerAsync(buyer.Customer.Id, orderId, AuditLog.Buyer(buyer.Customer.TelegramUserId), ct);
        if (cancelled) log.LogInformation("Order {OrderId} cancelled by the buyer", orderId);
        await buyer.AnswerAsync(await buyer.Text(cancelled ? BotTextCatalog.OrderCancelledToast : BotTextCatalog.StaleButton));
    }

    private async Task<string> RefusalAsync(BuyerContext buyer, CheckoutResult r, CancellationToken ct) => r.Outcome switch
    {
        CheckoutOutcome.CartEmpty => await buyer.Text(BotTextCatalog.CartEmpty),
        CheckoutOutcome.OutOfStock or CheckoutOutcome.ProductUnavailable =>
            await buyer.Text(BotTextCatalog.CheckoutOutOfStock, ("product", r.ProductName)),
        CheckoutOutcome.LimitExceeded => await buyer.Text(BotTextCatalog.CheckoutLimit, ("product", r.ProductName)),
        CheckoutOutcome.InsufficientBalance => await buyer.Text(BotTextCatalog.CheckoutInsufficient,
            ("balance", Rupiah.Display(r.Balance)), ("total", Rupiah.Display(r.Total))),
        CheckoutOutcome.Blocked => await buyer.Text(BotTextCatalog.Blocked),
        _ => await buyer.Text(BotTextCatalog.VoucherRejected,
            ("reason", new TgHtml(await voucherTexts.ReasonAsync(r.VoucherVerdict ?? Domain.Vouchers.VoucherVerdict.NotFound, buyer.Lang,
                ct)))),
    };
}
