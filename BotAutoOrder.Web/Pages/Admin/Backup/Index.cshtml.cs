using BotAutoOrder.Domain.Backups;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Backups;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Pages.Admin.Backup;

/// <summary>
/// Owner only: download a backup taken now, download one of the scheduled backups, restore an uploaded backup (confirmed,
/// and forced when the database holds orders or buyers). The service validates the whole file before replacing anything.
/// </summary>
/// <remarks>Requests slightly over <see cref="MaxBytes"/> are read so that a too-large file gets a clear message.</remarks>
[Authorize(Policy = DashboardClaims.OwnerPolicy)]
[RequestSizeLimit(MaxBytes + 8 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 8 * 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, BackupService backups, BackupDownloads downloads, IOptions<BackupOptions> options,
    TimeProvider clock)
    : AdminPageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;

    public sealed class RestoreInput
    {
        public bool Confirmed { get; set; }
        public bool Force { get; set; }
    }

    public sealed record ScheduledFile(string Name, long Bytes, DateTime TakenAtUtc);

    [BindProperty] public RestoreInput Input { get; set; } = new();
    public bool HoldsData { get; private set; }
    public IReadOnlyList<ScheduledFile> Files { get; private set; } = [];
    public string FolderPath => Folder.Path;
    private BackupFolder Folder { get; } = new(options.Value.Folder);

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Streams a consistent backup of the whole database, taken now.</summary>
    public async Task<IActionResult> OnPostDownloadAsync()
    {
        var name = BackupFolder.NameFor(clock.GetUtcNow().UtcDateTime);
        await downloads.RecordAsync(Actor, name, scheduled: false, Aborted);
        Response.ContentType = "application/gzip";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        Response.Headers.CacheControl = "no-store";
        await backups.WriteAsync(Response.Body, Aborted);
        return new EmptyResult();
    }

    /// <summary>One scheduled backup, found by its exact name among the folder's backup files (nothing else is served).</summary>
    public async Task<IActionResult> OnGetFileAsync(string? name)
    {
        var file = Folder.List().Select(b => b.File).FirstOrDefault(f =>
            string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
        if (file is null) return NotFound();
        await downloads.RecordAsync(Actor, name!, scheduled: true, Aborted);
        return PhysicalFile(file, "application/gzip", Path.GetFileName(file));
    }

    public async Task<IActionResult> OnPostRestoreAsync(IFormFile? file)
    {
        await LoadAsync();
        if (file is null || file.Length == 0) ModelState.AddModelError("", T["Choose a backup file."]);
        else if (file.Length > MaxBytes) ModelState.AddModelError("", T["The file is larger than 200 MB."]);
        if (!Input.Confirmed) ModelState.AddModelError("", T["Tick \"I am sure — all data will be replaced\" to confirm."]);
        if (!ModelState.IsValid) return Page();

        await using var stream = file!.OpenReadStream();
        var result = await backups.RestoreAsync(stream, Input.Force, Actor, Aborted);
        if (result.Status == RestoreStatus.TargetNotEmpty)
        {
            // Nothing was replaced: say what a forced restore would lose (orders and payments newer than the backup).
            ModelState.AddModelError("",
                T["This database holds orders or buyers: tick \"Replace existing orders and buyers\" as well."] + " " + result.Message);
            return Page();
        }
        return result.Succeeded ? Done(result.Message) : Done(result.Message, error: true);
    }

    private async Task LoadAsync()
    {
        HoldsData = await db.Orders.AnyAsync(Aborted) || await db.Customers.AnyAsync(Aborted);
        Files = Folder.List().Select(b => new ScheduledFile(Path.GetFileName(b.File), new FileInfo(b.File).Length, b.TakenAtUtc)).ToList();
    }
}
