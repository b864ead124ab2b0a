using System.Text.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The buyer's side of the playground: what a Telegram app would send. Each action becomes a real Bot API
/// <c>Update</c> (same JSON, deserialised by <c>Telegram.Bot</c>) and runs through <see cref="UpdatePipeline"/>, the
/// entry of every webhook and polling update, so the bot cannot tell the playground from Telegram.
/// </summary>
public static class PlaygroundBuyerApi
{
    public static async Task<IResult> SendAsync(PlaygroundSendInput input, PlaygroundStore store, UpdatePipeline pipeline,
        AppDbContext db, IHostApplicationLifetime life)
    {
        if (ProfileOf(input.BuyerId, input.FirstName, input.LanguageCode, out var profile) is { } bad) return bad;
        if (string.IsNullOrWhiteSpace(input.Text)) return Problem("text is required");
        if (input.Text.Length > TelegramLimits.MessageText) return Problem($"text is longer than {TelegramLimits.MessageText} characters (Telegram's limit)");

        store.SetProfile(profile.UserId, profile);
        var message = store.Add(profile.UserId, PlaygroundAuthor.Buyer, m => m with { Text = input.Text });
        return await RunAsync(store, pipeline, db, life, new JsonObject { ["message"] = PlaygroundJson.Message(message, profile) },
            message.MessageId);
    }

    public static async Task<IResult> ClickAsync(PlaygroundClickInput input, PlaygroundStore store, UpdatePipeline pipeline,
        AppDbContext db, IHostApplicationLifetime life)
    {
        var firstName = input.FirstName ?? store.ProfileOf(input.BuyerId)?.FirstName;
        var language = input.LanguageCode ?? store.ProfileOf(input.BuyerId)?.LanguageCode;
        if (ProfileOf(input.BuyerId, firstName, language, out var profile) is { } bad) return bad;
        if (store.Find(profile.UserId, input.MessageId) is not { Author: PlaygroundAuthor.Bot } message)
            return Problem($"message {input.MessageId} does not exist in the chat with buyer {input.BuyerId}");
        if (string.IsNullOrEmpty(input.Data) || !message.InlineKeyboard.SelectMany(r => r).Any(b => b.CallbackData == input.Data))
            return Problem($"message {input.MessageId} has no button with callback_data '{input.Data}'");

        store.SetProfile(profile.UserId, profile);
        var query = new JsonObject
        {
            ["id"] = store.NewCallbackQuery(profile.UserId),
            ["from"] = PlaygroundJson.User(profile),
            ["message"] = PlaygroundJson.Message(message, profile),
            ["chat_instance"] = $"pg-{profile.UserId}",
            ["data"] = input.Data,
        };
        return await RunAsync(store, pipeline, db, life, new JsonObject { ["callback_query"] = query }, message.MessageId);
    }

    /// <summary>A photo from the buyer (an SNK proof, say): multipart fields buyerId, firstName, languageCode, caption, photo.</summary>
    public static async Task<IResult> PhotoAsync(HttpRequest request, PlaygroundStore store, UpdatePipeline pipeline,
        AppDbContext db, IHostApplicationLifetime life)
    {
        if (!request.HasFormContentType) return Problem("send multipart/form-data with a 'photo' file");
        if (request.ContentLength > TelegramLimits.PhotoBytes
            + 64 * 1024) return Problem("the photo is larger than 10 MB (Telegram's limit)");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        _ = long.TryParse(form["buyerId"], out var buyerId);
        if (ProfileOf(buyerId, form["firstName"], form["languageCode"], out var profile) is { } bad) return bad;
        if (form.Files.GetFile("photo") is not { Length: > 0 } upload) return Problem("a non-empty 'photo' file is required");
        if (upload.Length > TelegramLimits.PhotoBytes) return Problem("the photo is larger than 10 MB (Telegram's limit)");
        string? caption = string.IsNullOrWhiteSpace(form["caption"]) ? null : form["caption"].ToString();
        if (caption is { Length: > TelegramLimits.Caption }) return Problem($"caption is longer than {TelegramLimits.Caption} characters (Telegram's limit)");

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        var type = ContentTypes.Of(upload.FileName, upload.ContentType, bytes);
        if (!ContentTypes.IsSafeImage(type)) return Problem("the photo must be a PNG, JPEG, GIF or WebP image");

        store.SetProfile(profile.UserId, profile);
        var file = store.AddFile("photo", Path.GetFileName(upload.FileName), type, bytes);
        var message = store.Add(profile.UserId, PlaygroundAuthor.Buyer, m => m with { Photo = file, Caption = caption });
        return await RunAsync(store, pipeline, db, life, new JsonObject { ["message"] = PlaygroundJson.Message(message, profile) },
            message.MessageId);
    }

    private static async Task<IResult> RunAsync(PlaygroundStore store, UpdatePipeline pipeline, AppDbContext db,
        IHostApplicationLifetime life, JsonObject body, int messageId)
    {
        var updateId = await NextUpdateIdAsync(store, db, life.ApplicationStopping);
        body["update_id"] = updateId;
        var update = body.Deserialize<Update>(JsonBotAPI.Options) ?? throw new InvalidOperationException("update did not deserialise");
        var chatId = update.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0;
        var outcome = await pipeline.ProcessAsync(update, life.ApplicationStopping);
        if (outcome == UpdateOutcome.Failed)
            store.Add(chatId, PlaygroundAuthor.System,
                m => m with { Text = $"⚠️ The bot failed on update {updateId}; the server log has the error." });
        return Results.Ok(new { updateId, messageId, outcome = outcome.ToString() });
    }

    /// <summary>
    /// Update ids continue after the last one the database has seen: the pipeline ignores a repeated <c>update_id</c>,
    /// and the SQLite file outlives a restart of the in-memory counter.
    /// </summary>
    private static async Task<int> NextUpdateIdAsync(PlaygroundStore store, AppDbContext db, CancellationToken ct)
    {
        if (!store.UpdateIdsSeeded)
        {
            var recent = await db.InboundEvents.Where(e => e.Source == UpdatePipeline.Source)
                .OrderByDescending(e => e.Id).Select(e => e.ExternalId).Take(1000).ToListAsync(ct);
            store.SeedUpdateIds(recent.Select(id => int.TryParse(id, out var n) ? n : 0).DefaultIfEmpty(0).Max());
        }
        return store.NextUpdateId();
    }

    private static IResult? ProfileOf(long buyerId, string? firstName, string? languageCode, out PlaygroundProfile profile)
    {
        profile = new PlaygroundProfile(buyerId, string.IsNullOrWhiteSpace(firstName) ? "Pembeli" : firstName.Trim(),
            string.IsNullOrWhiteSpace(languageCode) ? null : languageCode.Trim());
        if (buyerId <= 0 || buyerId > 9_999_999_999_999) return Problem("buyerId must be a positive Telegram user id");
        if (profile.FirstName.Length > 64) return Problem("firstName is longer than 64 characters");
        if (profile.LanguageCode is { Length: > 10 }) return Problem("languageCode is longer than 10 characters");
        return null;
    }

    private static IResult Problem(string message) => Results.BadRequest(new { error = message });
}
