using BotAutoOrder.Domain.Testimonials;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>
/// Rating after delivery (ADR-021): the stars under the review prompt, then an optional short text (the buyer's next
/// plain message) or "Lewati".
/// </summary>
public sealed class TestimonialScreen(TestimonialService testimonials, Buttons buttons, ScreenSender screens)
{
    /// <summary>The five star buttons under the review prompt.</summary>
    public static InlineKeyboardMarkup Stars(long orderId, long productId) =>
        new(Enumerable.Range(1, 5).Select(n => InlineKeyboardButton.WithCallbackData($"{n}⭐", CallbackData.Review(orderId, productId, n))));

    public async Task RateAsync(BuyerContext buyer, long orderId, long productId, int stars, CancellationToken ct)
    {
        if (await testimonials.RateAsync(buyer.Customer.Id, orderId, productId, stars, ct) != RateOutcome.Rated)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.ReviewNotAllowed), alert: true);
            return;
        }
        var skip = await buttons.Callback(BotTextCatalog.BtnSkipReview, buyer.Lang, CallbackData.SkipReview, ct);
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ReviewAskText, ("rating", stars)),
            new InlineKeyboardMarkup(skip), ct);
    }

    public async Task SkipAsync(BuyerContext buyer, CancellationToken ct)
    {
        if (await testimonials.FinishAsync(buyer.Customer.Id, null, ct) is null)
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ReviewThanks), null, ct);
    }

    /// <summary>The buyer's text, when a rating waits for one; false otherwise (the text is something else).</summary>
    public async Task<bool> TrySubmitTextAsync(BuyerContext buyer, string text, CancellationToken ct)
    {
        if (text.Length == 0 || text.StartsWith('/') || !await testimonials.IsAwaitingTextAsync(buyer.Customer.Id, ct)) return false;
        await testimonials.FinishAsync(buyer.Customer.Id, text, ct);
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.ReviewThanks), null, ct);
        return true;
    }
}
