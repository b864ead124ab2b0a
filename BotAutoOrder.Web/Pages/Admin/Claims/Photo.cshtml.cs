using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;

namespace BotAutoOrder.Web.Pages.Admin.Claims;

/// <summary>The screenshot of a warranty claim, through the same Bot API proxy as SNK photos (<see cref="TelegramPhotoProxy"/>).</summary>
public sealed class PhotoModel(AppDbContext db, ITelegramBotClient bot, ILogger<PhotoModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        var fileId = await db.WarrantyClaims.Where(c => c.Id == id).Select(c =>
            c.PhotoFileId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return await new TelegramPhotoProxy(bot, log).StreamAsync(HttpContext, fileId, $"claim {id}");
    }
}
