using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Vouchers;

public sealed class IndexModel(AppDbContext db, VoucherAdminService vouchers) : AdminPageModel
{
    public PageOf<Voucher> Rows { get; private set; } = PageOf<Voucher>.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Rows = await Paging.From(page).ApplyAsync(db.Vouchers.OrderByDescending(v => v.CreatedAtUtc).ThenByDescending(v => v.Id), Aborted);

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, bool confirmed)
    {
        if (!active && !confirmed) return NotConfirmed();
        var voucher = await vouchers.SetActiveAsync(id, active, Actor, Aborted);
        if (voucher is null) return NotFound();
        return Done(T[active ? "Voucher {0} activated." : "Voucher {0} deactivated.", voucher.Code]);
    }
}
