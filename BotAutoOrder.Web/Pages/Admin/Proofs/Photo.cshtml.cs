using BotAutoOrder.Domain.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotAutoOrder.Web.Pages.Admin.Proofs;

/// <summary>
/// The photo of an SNK proof, fetched by the server through the Bot API (<c>getFile</c>, then the file download) and
/// streamed to the signed-in admin. The browser never sees a Bot API address, so the bot token stays on the server.
/// </summary>
public sealed class PhotoModel(AppDbContext db, ITelegramBotClient bot, ILogger<PhotoModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        var ct = HttpContext.RequestAborted;
        var fileId = await db.TermsProofs.Where(p => p.Id == id).Select(p => p.PhotoFileId).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(fileId)) return NotFound();
        string? path;
        try
        {
            path = (await bot.GetFile(fileId, ct)).FilePath;
        }
        catch (ApiRequestException e)
        {
            log.LogWarning("getFile for proof {ProofId} failed: {Code}", id, e.ErrorCode);
            return NotFound();
        }
        if (string.IsNullOrEmpty(path)) return NotFound();

        Response.ContentType = ContentTypeOf(path);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = "inline";
        try
        {
            await bot.DownloadFile(path, Response.Body, ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException && !Response.HasStarted)
        {
            // The message may carry the download address (with the token): only the type is logged.
            log.LogWarning("Downloading the photo of proof {ProofId} failed ({Error})", id, e.GetType().Name);
            Response.ContentType = null;
            return StatusCode(StatusCodes.Status502BadGateway);
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
