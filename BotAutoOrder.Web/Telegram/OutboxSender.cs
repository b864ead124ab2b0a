using System.Text;
using System.Text.Json;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Screens;
using BotAutoOrder.Web.Telegram.Texts;
using BotAutoOrder.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// Turns one outbox row into one Bot API call, rendering intents with the current templates in the recipient's language.
/// Exceptions from the Bot API are left to the worker, which classifies them.
/// </summary>
public sealed class OutboxSender(AppDbContext db, ITelegramBotClient bot, OwnerBot ownerBot, BotTexts texts, DeliveryRenderer deliveries,
    InvoiceCaptions captions, AdminNotices notices)
{
    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var client = message.Bot == OutboxBot.Owner ? ownerBot.Client : bot;
        switch (message.Kind)
        {
            case OutboxKinds.Text:
                var text = Read<TextPayload>(message);
                await client.SendMessage(message.ChatId, text.Html, ParseMode.Html, replyMarkup: Keyboard(text.Buttons),
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
                return SendResult.Ok;
            case OutboxKinds.Document:
                var doc = Read<DocumentPayload>(message);
                await SendFileAsync(client, message.ChatId, doc.FileName, doc.Content, doc.CaptionHtml, ct);
                return SendResult.Ok;
            case OutboxKinds.Broadcast:
                var broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == Read<BroadcastPayload>(message).BroadcastId, ct);
                if (broadcast.Photo is { Length: > 0 } photo)
                {
                    await using var stream = new MemoryStream(photo);
                    await client.SendPhoto(message.ChatId, InputFile.FromStream(stream, broadcast.PhotoFileName ?? "photo.jpg"), broadcast.HtmlText,
                        ParseMode.Html, cancellationToken: ct);
                }
                else
                {
                    await client.SendMessage(message.ChatId, broadcast.HtmlText, ParseMode.Html, cancellationToken: ct);
                }
                return SendResult.Ok;
            case OutboxKinds.OrderTerms:
                return await SendTermsAsync(client, message, ct);
            case OutboxKinds.TermsProofAdmin:
                return await ForwardProofAsync(client, message, ct);
            case OutboxKinds.TermsReviewed:
                var reviewed = await db.TermsProofs.AsNoTracking().FirstAsync(p => p.Id == Read<TermsPayload>(message).ProofId, ct);
                var reviewedName = await db.Products.Where(p => p.Id == reviewed.ProductId).Select(p => p.Name).FirstAsync(ct);
                await client.SendMessage(message.ChatId, await texts.RenderAsync(
                    reviewed.Status == Domain.Terms.TermsProofStatus.Approved ? BotTextCatalog.TermsApproved : BotTextCatalog.TermsRejected,
                    await LanguageOfAsync(message.ChatId, ct), ct, ("product", reviewedName), ("note", reviewed.ReviewNote ?? "")), ParseMode.Html, cancellationToken: ct);
                return SendResult.Ok;
            case OutboxKinds.OrderDelivery:
                if (await deliveries.WhyNotAsync(Read<OrderPayload>(message).OrderId, ct) is { } notPaid) return new SendResult(SendOutcome.Rejected, Error: notPaid);
                var delivery = await deliveries.RenderAsync(Read<OrderPayload>(message).OrderId, await LanguageOfAsync(message.ChatId, ct), ct);
                if (delivery.Html is not null)
                    await client.SendMessage(message.ChatId, delivery.Html, ParseMode.Html, cancellationToken: ct);
                else
                    await SendFileAsync(client, message.ChatId, delivery.FileName!, delivery.FileContent!, delivery.Caption!, ct);
                return SendResult.Ok;
            case OutboxKinds.OrderQrClosed:
                return await CloseOrderQrAsync(client, message, ct);
            case OutboxKinds.DepositQrClosed:
                return await CloseDepositQrAsync(client, message, ct);
            case OutboxKinds.OrderLateCredit:
                var lateNote = Read<OrderPayload>(message);
                var late = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == lateNote.OrderId, ct);
                var credited = await CreditedForAsync(late.InvoiceCode, ct) ?? late.Total;
                await client.SendMessage(message.ChatId, await texts.RenderAsync(lateNote.Reason == "paid-twice" ? BotTextCatalog.PaidTwiceCredited : BotTextCatalog.LateCredited,
                    await LanguageOfAsync(message.ChatId, ct), ct, ("invoice", late.InvoiceCode), ("amount", Rupiah.Display(credited))), ParseMode.Html, cancellationToken: ct);
                return SendResult.Ok;
            case OutboxKinds.OrderRefunded:
                var refunded = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == Read<OrderPayload>(message).OrderId, ct);
                await client.SendMessage(message.ChatId, await texts.RenderAsync(BotTextCatalog.Refunded, await LanguageOfAsync(message.ChatId, ct), ct,
                    ("invoice", refunded.InvoiceCode), ("amount", Rupiah.Display(refunded.Total))), ParseMode.Html, cancellationToken: ct);
                return SendResult.Ok;
            case OutboxKinds.DepositCredited:
                var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == Read<DepositPayload>(message).DepositId, ct);
                var balance = await db.Customers.Where(c => c.Id == deposit.CustomerId).Select(c => c.Balance).FirstAsync(ct);
                await client.SendMessage(message.ChatId, await texts.RenderAsync(BotTextCatalog.DepositCredited, await LanguageOfAsync(message.ChatId, ct), ct,
                    ("amount", Rupiah.Display(deposit.Amount)), ("balance", Rupiah.Display(balance))), ParseMode.Html, cancellationToken: ct);
                return SendResult.Ok;
            default:
                var notice = await notices.RenderAsync(message, ct);
                if (notice is null) return new SendResult(SendOutcome.Rejected, Error: $"unknown outbox kind '{message.Kind}'");
                await client.SendMessage(message.ChatId, notice, ParseMode.Html, cancellationToken: ct);
                return SendResult.Ok;
        }
    }

    private async Task<SendResult> SendTermsAsync(ITelegramBotClient client, OutboxMessage message, CancellationToken ct)
    {
        var payload = Read<OrderTermsPayload>(message);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == payload.ProductId, ct);
        var lang = await LanguageOfAsync(message.ChatId, ct);
        var text = await texts.RenderAsync(BotTextCatalog.TermsMessage, lang, ct, ("product", product.Name), ("terms", product.TermsText ?? ""));
        var button = InlineKeyboardButton.WithCallbackData(await texts.RenderAsync(BotTextCatalog.BtnFulfilTerms, lang, ct),
            CallbackData.Terms(payload.OrderId, payload.ProductId));
        await client.SendMessage(message.ChatId, text, ParseMode.Html, replyMarkup: new InlineKeyboardMarkup(button), cancellationToken: ct);
        return SendResult.Ok;
    }

    /// <summary>The proof reaches each admin: the photo (by its Telegram file id) with the text as caption, or the text.</summary>
    private async Task<SendResult> ForwardProofAsync(ITelegramBotClient client, OutboxMessage message, CancellationToken ct)
    {
        var proof = await db.TermsProofs.AsNoTracking().FirstAsync(p => p.Id == Read<TermsPayload>(message).ProofId, ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == proof.OrderId).Select(o => o.InvoiceCode).FirstAsync(ct);
        var buyer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == proof.CustomerId, ct);
        var product = await db.Products.Where(p => p.Id == proof.ProductId).Select(p => p.Name).FirstAsync(ct);
        var html = $"📎 <b>Bukti SNK</b> #{proof.Id}\n🧾 <code>{Html.Escape(order)}</code> · {Html.Escape(product)}\n" +
                   $"👤 {Html.Escape(buyer.DisplayName)} (<code>{buyer.TelegramUserId}</code>)\n\n{Html.Escape(proof.Text ?? "(tanpa teks)")}";
        if (proof.PhotoFileId is { } photo)
            await client.SendPhoto(message.ChatId, InputFile.FromFileId(photo), html.Length > 1024 ? html[..1020] + "…" : html, ParseMode.Html, cancellationToken: ct);
        else
            await client.SendMessage(message.ChatId, html.Length > 4096 ? html[..4090] + "…" : html, ParseMode.Html, cancellationToken: ct);
        return SendResult.Ok;
    }

    private async Task<SendResult> CloseOrderQrAsync(ITelegramBotClient client, OutboxMessage message, CancellationToken ct)
    {
        var payload = Read<OrderPayload>(message);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == payload.OrderId, ct);
        if (order.QrChatId is not { } chat || order.QrMessageId is not { } messageId) return SendResult.Ok; // no QR was shown
        var caption = await captions.ClosedAsync(order.InvoiceCode, payload.Reason ?? "cancelled", await LanguageOfAsync(chat, ct), ct);
        await client.EditMessageCaption(chat, messageId, caption, ParseMode.Html, cancellationToken: ct);
        return SendResult.Ok;
    }

    private async Task<SendResult> CloseDepositQrAsync(ITelegramBotClient client, OutboxMessage message, CancellationToken ct)
    {
        var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == Read<DepositPayload>(message).DepositId, ct);
        if (deposit.QrChatId is not { } chat || deposit.QrMessageId is not { } messageId) return SendResult.Ok;
        var template = deposit.Status == Domain.Balances.DepositStatus.Paid ? BotTextCatalog.DepositPaid : BotTextCatalog.DepositExpired;
        await client.EditMessageCaption(chat, messageId, await texts.RenderAsync(template, await LanguageOfAsync(chat, ct), ct, ("code", deposit.Code)),
            ParseMode.Html, cancellationToken: ct);
        return SendResult.Ok;
    }

    private static async Task SendFileAsync(ITelegramBotClient client, long chatId, string fileName, string content, string caption, CancellationToken ct)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await client.SendDocument(chatId, InputFile.FromStream(stream, fileName), caption, ParseMode.Html, cancellationToken: ct);
    }

    /// <summary>What the late-payment credit for an invoice actually was (the ledger's word), or null.</summary>
    private async Task<long?> CreditedForAsync(string invoiceCode, CancellationToken ct) =>
        await db.BalanceEntries.Where(e => e.Reference == invoiceCode && e.Kind == Domain.Balances.BalanceEntryKind.LatePaymentCredit)
            .Select(e => (long?)e.Amount).FirstOrDefaultAsync(ct);

    private async Task<string> LanguageOfAsync(long chatId, CancellationToken ct) =>
        BotTexts.LanguageFor(await db.Customers.Where(c => c.TelegramUserId == chatId).Select(c => c.LanguageCode).FirstOrDefaultAsync(ct));

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.PayloadJson) ?? throw new InvalidOperationException($"outbox {message.Id}: empty payload");

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ButtonPayload>>? rows) =>
        rows is null ? null : new InlineKeyboardMarkup(rows.Select(r => r.Select(b => b.Url is not null
            ? InlineKeyboardButton.WithUrl(b.Label, b.Url)
            : InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData ?? "noop")).ToArray()));
}
