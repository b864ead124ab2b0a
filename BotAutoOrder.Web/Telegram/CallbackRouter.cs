using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Web.Telegram.Screens;

namespace BotAutoOrder.Web.Telegram;

/// <summary>A button press from an admitted buyer: its verb (<see cref="CallbackData"/>) to the screen that answers it.</summary>
public sealed class CallbackRouter(StartScreen start, CatalogScreen catalog, CartScreen cart, CheckoutScreen checkout,
    AccountScreen account, TermsScreen terms, ClaimScreen claims, ShopExtrasRouter extras)
{
    /// <returns>False for an unknown verb or malformed arguments (a stale or forged button).</returns>
    public async Task<bool> RouteAsync(BuyerContext buyer, string? data, CancellationToken ct)
    {
        var (verb, args) = CallbackData.Parse(data);
        long id;
        int n;
        switch (verb)
        {
            case CallbackData.Noop: return true;
            case CallbackData.Categories: await start.ShowCategoriesAsync(buyer, ct); return true;
            case CallbackData.CategoryVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await catalog.ShowCategoryAsync(buyer, id, n, ct); return true;
            case CallbackData.ProductVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await catalog.ShowProductAsync(buyer, id, n, ct); return true;
            case CallbackData.AddVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await cart.AddAsync(buyer, id, n, ct); return true;
            case CallbackData.Cart: await cart.ShowAsync(buyer, ct); return true;
            case CallbackData.CartQuantityVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryInt(args, 1, out n):
                await cart.SetQuantityAsync(buyer, id, n, ct); return true;
            case CallbackData.ClearCart: await cart.ClearAsync(buyer, ct); return true;
            case CallbackData.Voucher: await cart.PromptVoucherAsync(buyer, ct); return true;
            case CallbackData.RemoveVoucher: await cart.RemoveVoucherAsync(buyer, ct); return true;
            case CallbackData.Checkout: await checkout.ShowChoiceAsync(buyer, ct); return true;
            case CallbackData.PayVerb when args is ["q"]: await checkout.PayAsync(buyer, PaymentMethod.Qris, ct); return true;
            case CallbackData.PayVerb when args is ["b"]: await checkout.PayAsync(buyer, PaymentMethod.Balance, ct); return true;
            case CallbackData.StatusVerb when CallbackData.TryLong(args, 0, out id): await checkout.CheckStatusAsync(buyer, id,
                ct); return true;
            case CallbackData.CancelVerb when CallbackData.TryLong(args, 0, out id): await checkout.CancelAsync(buyer, id, ct); return true;
            case CallbackData.Orders: await account.ShowOrdersAsync(buyer, CallbackData.TryInt(args, 0, out n) ? n : 0, ct); return true;
            case CallbackData.OrderVerb when CallbackData.TryLong(args, 0, out id): await account.ShowOrderAsync(buyer, id,
                ct); return true;
            case CallbackData.ResendVerb when CallbackData.TryLong(args, 0, out id): await account.ResendAsync(buyer, id, ct); return true;
            case CallbackData.Balance: await account.ShowBalanceAsync(buyer, CallbackData.TryInt(args, 0, out n) ? n : 0, ct); return true;
            case CallbackData.DepositVerb when CallbackData.TryLong(args, 0, out id): await account.StartDepositAsync(buyer, id,
                ct); return true;
            case CallbackData.DepositStatusVerb when CallbackData.TryLong(args, 0, out id): await account.DepositStatusAsync(buyer, id,
                ct); return true;
            case CallbackData.TermsVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryLong(args, 1, out var productId):
                await terms.StartAsync(buyer, id, productId, ct); return true;
            case CallbackData.ReplaceProofVerb when CallbackData.TryLong(args, 0, out id): await terms.ReplaceAsync(buyer, id,
                ct); return true;
            default: return await claims.RouteAsync(buyer, verb, args, ct) || await extras.TryRouteAsync(buyer, verb, args, ct);
        }
    }
}
