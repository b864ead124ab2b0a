using Microsoft.AspNetCore.Mvc;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Streams a photo a buyer sent (SNK proof, warranty screenshot) to the signed-in staff member: the server fetches it
/// through the Bot API (<c>getFile</c>, then the file download), so the browser never sees a Bot API address and the bot
/// token stays on the server.
/// </summary>
public sealed class TelegramPhotoProxy(ITelegramBotClient bot, ILogger log)
{
    /// <param name="what">What the photo belongs to, for the log ("proof 12").</param>
    public async Task<IActionResult> StreamAsync(HttpContext http, string? fileId, string what)
    {
        var ct = http.RequestAborted;
        if (string.IsNullOrEmpty(fileId)) return new NotFoundResult();
        string? path;
        try
        {
            path = (await bot.GetFile(fileId, ct)).FilePath;
        }
        catch (ApiRequestException e)
        {
            log.LogWarning("getFile for {What} failed: {Code}", what, e.ErrorCode);
            return new NotFoundResult();
        }
        if (string.IsNullOrEmpty(path)) return new NotFoundResult();

        var response = http.Response;
        response.ContentType = ContentTypeOf(path);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentDisposition = "inline";
        try
        {
            await bot.DownloadFile(path, response.Body, ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException && !response.HasStarted)
        {
            // The message may carry the download address (with the token): only the type is logged.
            log.LogWarning("Downloading the photo of {What} failed ({Error})", what, e.GetType().Name);
            response.ContentType = null;
            return new StatusCodeResult(StatusCodes.Status502BadGateway);
        }
        return new EmptyResult();
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "application/octet-stream",
    };
}
