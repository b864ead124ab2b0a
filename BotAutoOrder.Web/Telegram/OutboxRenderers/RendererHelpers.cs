using System.Text;
using System.Text.Json;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>What several renderers share: reading the payload, the recipient's language, sending a text file.</summary>
public static class RendererHelpers
{
    public static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.PayloadJson) ?? throw new InvalidOperationException($"outbox {message.Id}: empty payload");

    public static async Task<string> LanguageOfAsync(AppDbContext db, long chatId, CancellationToken ct) =>
        BotTexts.LanguageFor(await db.Customers.Where(c => c.TelegramUserId == chatId).Select(c => c.LanguageCode).FirstOrDefaultAsync(ct));

    public static async Task SendFileAsync(ITelegramBotClient client, long chatId, string fileName, string content, string caption,
        CancellationToken ct)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await client.SendDocument(chatId, InputFile.FromStream(stream, fileName), caption, ParseMode.Html, cancellationToken: ct);
    }
}
