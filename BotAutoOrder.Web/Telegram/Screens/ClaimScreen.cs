using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>
/// The buyer's side of a warranty claim (ADR-020): My orders → the order → "🛠️ Klaim garansi" → pick the item → the
/// reason (text) → a screenshot or skip → claim opened. Every refusal (window over, no warranty, an open claim) is a
/// polite message; a stale button gets the stale answer.
/// </summary>
public sealed class ClaimScreen(WarrantyService warranty, Buttons buttons, ScreenSender screens, StoreTime time)
{
    /// <summary>The claim button under a paid order whose products carry a warranty; null otherwise.</summary>
    public async Task<InlineKeyboardButton?> OrderButtonAsync(BuyerContext buyer, Order order, CancellationToken ct)
    {
        if (!await warranty.OffersClaimAsync(order, ct)) return null;
        return await buttons.Callback(BotTextCatalog.BtnClaim, buyer.Lang, ClaimCallbacks.Items(order.Id), ct);
    }

    /// <summary>Routes the claim buttons; false for anything else (the caller treats it as stale or unknown).</summary>
    public async Task<bool> RouteAsync(BuyerContext buyer, string verb, string[] args, CancellationToken ct)
    {
        long id;
        switch (verb)
        {
            case ClaimCallbacks.ItemsVerb when CallbackData.TryLong(args, 0, out id): await ShowItemsAsync(buyer, id, ct); return true;
            case ClaimCallbacks.PickVerb when CallbackData.TryLong(args, 0, out id) && CallbackData.TryLong(args, 1, out var itemId):
                await PickAsync(buyer, id, itemId, ct); return true;
            case ClaimCallbacks.SkipVerb when CallbackData.TryLong(args, 0, out id): await SkipAsync(buyer, id, ct); return true;
            case ClaimCallbacks.CancelVerb when CallbackData.TryLong(args, 0, out id): await CancelAsync(buyer, id, ct); return true;
            default: return false;
        }
    }

    /// <returns>True when the text/photo belonged to a claim draft (and the buyer was answered).</returns>
    public async Task<bool> TryTakeInputAsync(BuyerContext buyer, string? text, string? photoFileId, CancellationToken ct)
    {
        var input = await warranty.TakeInputAsync(buyer.Customer.Id, text, photoFileId, ct);
        switch (input.Outcome)
        {
            case ClaimInputOutcome.NeedReason:
                await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ClaimNeedReason),
                    await CancelKeyboardAsync(buyer, input.ClaimId!.Value, ct), ct, newMessage: true);
                return true;
            case ClaimInputOutcome.NeedScreenshot:
                await AskScreenshotAsync(buyer, input.ClaimId!.Value, ct);
                return true;
            case ClaimInputOutcome.Submitted:
                await ReceivedAsync(buyer, input, ct);
                return true;
            default:
                return false;
        }
    }

    private async Task ShowItemsAsync(BuyerContext buyer, long orderId, CancellationToken ct)
    {
        var items = await warranty.ItemsAsync(buyer.Customer.Id, orderId, ct);
        if (items.Outcome != ClaimStartOutcome.Drafting)
        {
            await RefuseAsync(buyer, items.Outcome, items.WindowEndUtc, ct);
            return;
        }
        var rows = items.Items.Select((item, i) => new[]
        {
            InlineKeyboardButton.WithCallbackData($"{(item.HasOpenClaim ? "🕒 " : "")}{i + 1}. {Shorten(item.ProductName)} · {item.Masked}",
                ClaimCallbacks.Pick(orderId, item.StockItemId)),
        }).ToList();
        rows.Add([await buttons.Callback(BotTextCatalog.BtnBack, buyer.Lang, CallbackData.Order(orderId), ct)]);
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ClaimPick, ("invoice", items.InvoiceCode)),
            new InlineKeyboardMarkup(rows), ct);
    }

    private async Task PickAsync(BuyerContext buyer, long orderId, long stockItemId, CancellationToken ct)
    {
        var start = await warranty.StartAsync(buyer.Customer.Id, orderId, stockItemId, ct);
        if (start.Outcome != ClaimStartOutcome.Drafting)
        {
            await RefuseAsync(buyer, start.Outcome, start.WindowEndUtc, ct);
            return;
        }
        await buyer.AnswerAsync();
        await screens.ShowAsync(buyer,
            await buyer.Text(BotTextCatalog.ClaimReasonPrompt, ("product", start.ProductName)),
            await CancelKeyboardAsync(buyer, start.ClaimId!.Value, ct), ct, newMessage: true);
    }

    private async Task SkipAsync(BuyerContext buyer, long claimId, CancellationToken ct)
    {
        var input = await warranty.SkipScreenshotAsync(buyer.Customer.Id, claimId, ct);
        if (input.Outcome != ClaimInputOutcome.Submitted)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await buyer.AnswerAsync();
        await ReceivedAsync(buyer, input, ct);
    }

    private async Task CancelAsync(BuyerContext buyer, long claimId, CancellationToken ct)
    {
        if (!await warranty.CancelDraftAsync(buyer.Customer.Id, claimId, ct))
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ClaimCancelled), null, ct);
    }

    private async Task ReceivedAsync(BuyerContext buyer, ClaimInput input, CancellationToken ct) =>
        await screens.ShowAsync(buyer,
            await buyer.Text(input.AutoReplaced ? BotTextCatalog.ClaimReceivedAuto : BotTextCatalog.ClaimReceived,
                ("claim", input.ClaimId)), null, ct, newMessage: true);

    private async Task AskScreenshotAsync(BuyerContext buyer, long claimId, CancellationToken ct) =>
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ClaimScreenshotPrompt),
            new InlineKeyboardMarkup(new[]
            {
                await buttons.Callback(BotTextCatalog.BtnSkipScreenshot, buyer.Lang, ClaimCallbacks.Skip(claimId), ct),
                await buttons.Callback(BotTextCatalog.BtnCancelClaim, buyer.Lang, ClaimCallbacks.Cancel(claimId), ct),
            }), ct, newMessage: true);

    private async Task<InlineKeyboardMarkup> CancelKeyboardAsync(BuyerContext buyer, long claimId, CancellationToken ct) =>
        new(await buttons.Callback(BotTextCatalog.BtnCancelClaim, buyer.Lang, ClaimCallbacks.Cancel(claimId), ct));

    /// <summary>A polite refusal, as a message the buyer can read again (not a toast that disappears).</summary>
    private async Task RefuseAsync(BuyerContext buyer, ClaimStartOutcome outcome, DateTime? windowEnd, CancellationToken ct)
    {
        if (outcome == ClaimStartOutcome.NotAllowed)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await buyer.AnswerAsync();
        var text = outcome switch
        {
            ClaimStartOutcome.WindowClosed =>
                await buyer.Text(BotTextCatalog.ClaimWindowClosed, ("until", windowEnd is { } end ? time.Long(end) : "")),
            ClaimStartOutcome.AlreadyOpen => await buyer.Text(BotTextCatalog.ClaimAlreadyOpen),
            ClaimStartOutcome.AlreadySettled => await buyer.Text(BotTextCatalog.ClaimAlreadySettled),
            _ => await buyer.Text(BotTextCatalog.ClaimNoWarranty),
        };
        await screens.ShowAsync(buyer, text, null, ct, newMessage: true);
    }

    private static string Shorten(string name) => name.Length <= 24 ? name : name[..23] + "…";
}
