using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Warranty;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Claims;

/// <summary>The warranty claim queue: by default the open ones; filters by status, product and store-time submission date.</summary>
public sealed class IndexModel(AppDbContext db, StoreTime time) : AdminPageModel
{
    public const string AllStatuses = "All";

    /// <summary>A <see cref="WarrantyClaimStatus"/> name, or <see cref="AllStatuses"/>; absent means Open.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public long? Product { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public WarrantyClaimStatus? Filter { get; private set; }
    public IReadOnlyList<(long Id, string Name)> Products { get; private set; } = [];
    public PageOf<ClaimRow> Rows { get; private set; } = PageOf<ClaimRow>.Empty;

    /// <summary>The statuses a seller filters by (drafts are the buyer's business until submitted).</summary>
    public static readonly WarrantyClaimStatus[] Listed =
        [WarrantyClaimStatus.Open, WarrantyClaimStatus.Replaced, WarrantyClaimStatus.Refunded, WarrantyClaimStatus.Rejected];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        Filter = string.IsNullOrEmpty(Status) ? WarrantyClaimStatus.Open
            : Enum.TryParse<WarrantyClaimStatus>(Status, ignoreCase: true, out var parsed) && Listed.Contains(parsed) ? parsed : null;
        var query = db.WarrantyClaims.Where(c => c.SubmittedAtUtc != null);
        if (Filter is { } status) query = query.Where(c => c.Status == status);
        if (Product is { } productId) query = query.Where(c => c.ProductId == productId);
        if (From is { } from)
        {
            var fromUtc = time.StartOfDayUtc(from);
            query = query.Where(c => c.SubmittedAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = time.StartOfDayUtc(to.AddDays(1));
            query = query.Where(c => c.SubmittedAtUtc < toUtc);
        }
        var products = await db.Products.AsNoTracking().Where(p => db.WarrantyClaims.Any(c => c.ProductId == p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(Aborted);
        Products = products.Select(p => (p.Id, p.Name)).ToList();
        Rows = await Paging.From(page).ApplyAsync(ClaimRow.From(query, db), Aborted);
    }
}
