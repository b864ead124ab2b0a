using BotAutoOrder.Domain.Broadcasts;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Broadcasts;

/// <summary>One broadcast: preview, audience, send (with confirmation), live progress while sending, cancel.</summary>
public sealed class DetailsModel(AppDbContext db, BroadcastService broadcasts, BotAutoOrder.Domain.Settings.SettingsService settings)
    : AdminPageModel
{
    public sealed record Summary(long Id, string HtmlText, string? PhotoFileName, BroadcastAudience Audience, BroadcastStatus Status,
        string CreatedBy, DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc);

    public Summary Broadcast { get; private set; } = null!;
    public BroadcastProgress Progress { get; private set; } = null!;
    /// <summary>How many buyers a draft would reach now.</summary>
    public int AudienceNow { get; private set; }
    /// <summary>The store's send rate, and how long a draft would take at it (broadcasts go at that rate, behind deliveries).</summary>
    public int SendRate { get; private set; }
    public TimeSpan EstimatedDuration { get; private set; }
    /// <summary>The owner turned paid broadcasts on: this draft would go at the paid rate and cost <see cref="StarCost"/>.</summary>
    public bool Paid { get; private set; }
    public decimal StarCost { get; private set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    /// <summary>The numbers of the progress bar as JSON, read by wwwroot/js/broadcast-progress.js while sending.</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id) =>
        await broadcasts.ProgressAsync(id, Aborted) is { } p
            ? new JsonResult(new { Status = p.Status.ToString(), p.Total, p.Sent, p.Failed, p.Blocked, p.Cancelled, p.Remaining, p.Percent,
                EtaSeconds = p.Eta?.TotalSeconds })
            : NotFound();

    public async Task<IActionResult> OnGetPhotoAsync(long id)
    {
        var photo = await db.Broadcasts.AsNoTracking().Where(b => b.Id == id).Select(b => b.Photo).FirstOrDefaultAsync(Aborted);
        if (photo is not { Length: > 0 }) return NotFound();
        return File(photo, photo[0] == 0xFF ? "image/jpeg" : "image/png");
    }

    public async Task<IActionResult> OnPostSendAsync(long id)
    {
        if (!Confirm) return Done(T["Tick the confirmation box to send."], new { id }, error: true);
        var result = await broadcasts.StartAsync(id, Actor, Aborted);
        return result.Succeeded ? Done(T["Sending started."], new { id }) : Done(BroadcastText.Explain(T, result), new { id }, error: true);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id)
    {
        var result = await broadcasts.CancelAsync(id, Actor, Aborted);
        return result.Succeeded ? Done(T["Broadcast cancelled."], new { id })
            : Done(BroadcastText.Explain(T, result), new { id }, error: true);
    }

    private async Task<bool> LoadAsync(long id)
    {
        var b = await db.Broadcasts.AsNoTracking().Where(b => b.Id == id).Select(b =>
            new Summary(b.Id, b.HtmlText, b.PhotoFileName, b.Audience,
            b.Status, b.CreatedBy, b.CreatedAtUtc, b.StartedAtUtc, b.FinishedAtUtc)).FirstOrDefaultAsync(Aborted);
        if (b is null) return false;
        Broadcast = b;
        Progress = (await broadcasts.ProgressAsync(id, Aborted))!;
        if (b.Status == BroadcastStatus.Draft)
        {
            AudienceNow = await broadcasts.CountAudienceAsync(b.Audience, Aborted);
            var shop = await settings.GetAsync(Aborted);
            Paid = shop.PaidBroadcasts;
            SendRate = Math.Max(1, Paid ? shop.PaidBroadcastRatePerSecond : shop.SendRatePerSecond);
            StarCost = Domain.Broadcasts.Broadcast.PaidCost(AudienceNow);
            EstimatedDuration = TimeSpan.FromSeconds(Math.Ceiling((double)AudienceNow / SendRate));
        }
        return true;
    }
}
