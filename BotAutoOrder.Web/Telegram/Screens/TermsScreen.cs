using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Web.Telegram.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Screens;

/// <summary>The buyer's side of SNK: start (or replace) a proof, then the next text/photo is stored and forwarded.</summary>
public sealed class TermsScreen(TermsService terms, Buttons buttons, ScreenSender screens)
{
    public async Task StartAsync(BuyerContext buyer, long orderId, long productId, CancellationToken ct)
    {
        var start = await terms.StartAsync(buyer.Customer.Id, orderId, productId, ct);
        switch (start.Outcome)
        {
            case TermsStartOutcome.AwaitingProof:
                await buyer.AnswerAsync();
                await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.TermsPrompt, ("product", start.ProductName)), null, ct,
                    newMessage: true);
                return;
            case TermsStartOutcome.AskReplace:
                await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.TermsAskReplace, ("product", start.ProductName)),
                    new InlineKeyboardMarkup(await buttons.Callback(BotTextCatalog.BtnReplace, buyer.Lang,
                        CallbackData.ReplaceProof(start.ProofId!.Value), ct)),
                    ct, newMessage: true);
                return;
            default:
                await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
                return;
        }
    }

    public async Task ReplaceAsync(BuyerContext buyer, long proofId, CancellationToken ct)
    {
        if (!await terms.ReopenAsync(buyer.Customer.Id, proofId, ct))
        {
            await buyer.AnswerAsync(await buyer.Text(BotTextCatalog.StaleButton));
            return;
        }
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.TermsPrompt, ("product", "SNK")), null, ct);
    }

    /// <returns>True when the text/photo was taken as a proof (and the buyer was told).</returns>
    public async Task<bool> TrySubmitAsync(BuyerContext buyer, string? text, string? photoFileId, CancellationToken ct)
    {
        var proof = await terms.SubmitAsync(buyer.Customer.Id, text, photoFileId, ct);
        if (proof is null) return false;
        await screens.ShowAsync(buyer, await buyer.Text(BotTextCatalog.TermsReceived), null, ct, newMessage: true);
        return true;
    }
}
