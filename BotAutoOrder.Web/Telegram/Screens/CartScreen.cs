using System.Text;
using BotAutoOrder.Domain.Carts;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>The cart: lines priced now, quantity buttons per line, voucher, checkout.</summary>
public sealed class CartScreen(CartService carts, Buttons buttons, ScreenSender screens, VoucherTexts voucherTexts)
{
    public async Task ShowAsync(BuyerContext buyer, CancellationToken ct, bool newMessage = false)
    {
        var cart = await carts.GetAsync(buyer.Customer.Id, ct);
        if (cart.IsEmpty)
        {
            await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.CartEmpty),
                new InlineKeyboardMarkup(await buttons.Callback(BotTextCatalog.BtnCategories, buyer.Lang, CallbackData.Categories, ct)), ct,
                    newMessage);
            return;
        }
        var lines = new StringBuilder();
        var rows = new List<InlineKeyboardButton[]>();
        foreach (var line in cart.Lines)
        {
            lines.AppendLine(await buyer.Text(BotTextCatalog.CartLine,
                ("name", line.Name), ("quantity", line.Quantity), ("line_total", Rupiah.Display(line.LineTotal))));
            if (!line.IsPurchasable)
                lines.AppendLine(await buyer.Text(BotTextCatalog.CartLineProblem, ("available", line.Available)));
            var label = line.Name.Length > 18 ? line.Name[..17] + "…" : line.Name;
            rows.Add(
            [
                InlineKeyboardButton.WithCallbackData("➖", CallbackData.CartQuantity(line.ProductId, line.Quantity - 1)),
                InlineKeyboardButton.WithCallbackData($"{label} ×{line.Quantity}", CallbackData.Product(line.ProductId, line.Quantity)),
                InlineKeyboardButton.WithCallbackData("➕", CallbackData.CartQuantity(line.ProductId, line.Quantity + 1)),
                InlineKeyboardButton.WithCallbackData("🗑️", CallbackData.CartQuantity(line.ProductId, 0)),
            ]);
        }
        var discount = new TgHtml("");
        if (cart.VoucherCode is not null)
        {
            discount = cart.VoucherVerdict == Domain.Vouchers.VoucherVerdict.Valid
                ? new TgHtml(await buyer.Text(BotTextCatalog.CartDiscount, ("code", cart.VoucherCode),
                    ("discount", Rupiah.Display(cart.Discount))))
                : new TgHtml("\n🎟️ " + Html.Escape(cart.VoucherCode) + ": "
                    + await voucherTexts.ReasonAsync(cart.VoucherVerdict!.Value, buyer.Lang, ct));
        }
        var text = await buyer.Text(BotTextCatalog.CartView, ("lines", new TgHtml(lines.ToString().TrimEnd())),
            ("subtotal", Rupiah.Display(cart.Subtotal)), ("discount", discount), ("total", Rupiah.Display(cart.Total)));
        rows.Add([cart.VoucherCode is null
            ? await buttons.Callback(BotTextCatalog.BtnVoucher, buyer.Lang, CallbackData.Voucher, ct)
            : await buttons.Callback(BotTextCatalog.BtnRemoveVoucher, buyer.Lang, CallbackData.RemoveVoucher, ct),
            await buttons.Callback(BotTextCatalog.BtnClear, buyer.Lang, CallbackData.ClearCart, ct)]);
        rows.Add([await buttons.Callback(BotTextCatalog.BtnCategories, buyer.Lang, CallbackData.Categories, ct),
            await buttons.Callback(BotTextCatalog.BtnCheckout, buyer.Lang, CallbackData.Checkout, ct)]);
        await screens.ShowAsync(buyer, text, new InlineKeyboardMarkup(rows), ct, newMessage);
    }

    public async Task AddAsync(BuyerContext buyer, long productId, int quantity, CancellationToken ct)
    {
        var change = await carts.AddAsync(buyer.Customer.Id, productId, Math.Max(1, quantity), ct);
        await buyer.AnswerAsync(await ToastAsync(change, buyer, productId, ct));
    }

    public async Task SetQuantityAsync(BuyerContext buyer, long productId, int quantity, CancellationToken ct)
    {
        var change = await carts.SetQuantityAsync(buyer.Customer.Id, productId, quantity, ct);
        if (change.Outcome != CartChangeOutcome.Updated) await buyer.AnswerAsync(await ToastAsync(change, buyer, productId, ct));
        await ShowAsync(buyer, ct);
    }

    public async Task ApplyVoucherAsync(BuyerContext buyer, string code, CancellationToken ct)
    {
        var check = await carts.ApplyVoucherAsync(buyer.Customer.Id, code, ct);
        var message = check.IsValid
            ? await buyer.Text(BotTextCatalog.VoucherApplied, ("code", check.Voucher!.Code), ("discount", Rupiah.Display(check.Discount)))
            : await buyer.Text(BotTextCatalog.VoucherRejected,
                ("reason", new TgHtml(await voucherTexts.ReasonAsync(check.Verdict, buyer.Lang, ct, check.Voucher))));
        await screens.ShowAsync(buyer, message, null, ct, newMessage: true);
        if (check.IsValid) await ShowAsync(buyer, ct, newMessage: true);
    }

    public async Task ClearAsync(BuyerContext buyer, CancellationToken ct)
    {
        await carts.ClearAsync(buyer.Customer.Id, ct);
        await ShowAsync(buyer, ct);
    }

    public async Task RemoveVoucherAsync(BuyerContext buyer, CancellationToken ct)
    {
        await carts.RemoveVoucherAsync(buyer.Customer.Id, ct);
        await ShowAsync(buyer, ct);
    }

    public async Task PromptVoucherAsync(BuyerContext buyer, CancellationToken ct) =>
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.VoucherPrompt), null, ct, newMessage: true);

    private async Task<string> ToastAsync(CartChange change, BuyerContext buyer, long productId, CancellationToken ct) =>
        change.Outcome switch
    {
        CartChangeOutcome.Updated => await buyer.Text(BotTextCatalog.AddedToCart, ("quantity", change.Quantity),
            ("name", (await carts.GetAsync(buyer.Customer.Id, ct)).Lines.FirstOrDefault(l => l.ProductId == productId)?.Name ?? "")),
        CartChangeOutcome.TooMany => await buyer.Text(BotTextCatalog.TooMany, ("max", change.Max)),
        _ => await buyer.Text(BotTextCatalog.ProductGone),
    };
}
