using BotAutoOrder.Web.Payments;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotAutoOrder.Web.Telegram.Messages;

/// <summary>Sends a QRIS string as a PNG photo rendered locally (QRCoder). Callers keep captions within <see
/// cref="Domain.Messaging.TelegramLimits.Caption"/>.</summary>
public sealed class QrSender(ITelegramBotClient bot, QrCodeRenderer renderer)
{
    public async Task<int> SendAsync(long chatId, string qrString, string caption, InlineKeyboardMarkup keyboard, CancellationToken ct)
    {
        await using var png = new MemoryStream(renderer.RenderPng(qrString));
        var message = await bot.SendPhoto(chatId, InputFile.FromStream(png, "qris.png"), caption, ParseMode.Html, replyMarkup: keyboard,
            cancellationToken: ct);
        return message.Id;
    }

    /// <summary>A link button only for an absolute http(s) address Telegram can open.</summary>
    public static bool IsOpenableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
