using BotAutoOrder.Web.Telegram.Screens;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// The buttons and texts of restock alerts, search and testimonials (ADR-021), routed here so that
/// <see cref="CallbackRouter"/> and <see cref="MessageRouter"/> only need one small hook each.
/// </summary>
public sealed class ShopExtrasRouter(RestockScreen restock, SearchScreen search, TestimonialScreen testimonials)
{
    /// <returns>False for a verb that is not one of these (or malformed arguments).</returns>
    public async Task<bool> TryRouteAsync(BuyerContext buyer, string verb, string[] args, CancellationToken ct)
    {
        switch (verb)
        {
            case CallbackData.RestockVerb when CallbackData.TryLong(args, 0, out var productId):
                await restock.SubscribeAsync(buyer, productId, ct);
                return true;
            case CallbackData.SearchVerb when CallbackData.TrySearch(args, out var query, out var page):
                await search.ShowAsync(buyer, query, page, ct);
                return true;
            case CallbackData.ReviewVerb when CallbackData.TryLong(args, 0, out var orderId)
                && CallbackData.TryLong(args, 1, out var reviewed)
                                              && CallbackData.TryInt(args, 2, out var stars):
                await testimonials.RateAsync(buyer, orderId, reviewed, stars, ct);
                return true;
            case CallbackData.SkipReview:
                await testimonials.SkipAsync(buyer, ct);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Plain text the bot did not recognise: a review text when a rating waits for one, else a product search.
    /// False when it is neither (too short, a command): the caller answers with the hint.
    /// </summary>
    public async Task<bool> TryTextAsync(BuyerContext buyer, string text, CancellationToken ct)
    {
        if (await testimonials.TrySubmitTextAsync(buyer, text, ct)) return true;
        if (!SearchScreen.IsSearchable(text)) return false;
        await search.ShowAsync(buyer, text, 0, ct);
        return true;
    }
}
