using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Broadcasts;

/// <summary>Compose a broadcast: Telegram HTML, optional photo, audience; preview; save as a draft to review and send.</summary>
/// <remarks>Requests up to 16 MB are read so that a photo over 10 MB gets a clear message rather than a bare 413.</remarks>
[RequestSizeLimit(16 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
public sealed class NewModel(BroadcastService broadcasts) : AdminPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write a message.")]
        [Display(Name = "Message (Telegram HTML)")]
        public string Html { get; set; } = "";

        public BroadcastAudience Audience { get; set; } = BroadcastAudience.AllReachable;

        [Display(Name = "Photo (JPEG or PNG, at most 10 MB)")]
        public IFormFile? Photo { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>Safe dashboard HTML of the text as Telegram would show it (after a Preview click).</summary>
    public string? PreviewHtml { get; private set; }

    public void OnGet() { }

    public IActionResult OnPostPreview()
    {
        var limit = Input.Photo is { Length: > 0 } ? TelegramLimits.Caption : TelegramLimits.MessageText;
        var check = TelegramHtml.Check(Input.Html, limit, TelegramLimits.MessageText);
        PreviewHtml = TelegramHtml.Preview(Input.Html);
        ModelState.Clear();
        if (!check.Ok) ModelState.AddModelError("Input.Html", BroadcastText.Explain(T, check));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        byte[]? photo = null;
        if (Input.Photo is { Length: > 0 } file)
        {
            if (file.Length > TelegramLimits.PhotoBytes)
            {
                ModelState.AddModelError("Input.Photo", T["The photo is larger than 10 MB."]);
                return Page();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, Aborted);
            photo = buffer.ToArray();
        }
        var result = await broadcasts.CreateDraftAsync(Input.Html, Input.Photo?.FileName, photo, Input.Audience, Actor, Aborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Outcome == BroadcastOutcome.InvalidText ? "Input.Html" : "Input.Photo",
                BroadcastText.Explain(T, result));
            PreviewHtml = TelegramHtml.Preview(Input.Html);
            return Page();
        }
        return Done(T["Draft saved. Check the preview, then send."], new { id = result.Id }, "./Details");
    }
}
