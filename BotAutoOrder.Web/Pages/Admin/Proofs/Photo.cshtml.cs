using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;

namespace BotAutoOrder.Web.Pages.Admin.Proofs;

/// <summary>The photo of an SNK proof, streamed through the Bot API by <see cref="TelegramPhotoProxy"/> (the token stays on the
/// server).</summary>
public sealed class PhotoModel(AppDbContext db, ITelegramBotClient bot, ILogger<PhotoModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        var fileId = await db.TermsProofs.Where(p => p.Id == id).Select(p => p.PhotoFileId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return await new TelegramPhotoProxy(bot, log).StreamAsync(HttpContext, fileId, $"proof {id}");
    }
}
