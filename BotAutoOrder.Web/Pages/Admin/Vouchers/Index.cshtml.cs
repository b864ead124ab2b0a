using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Vouchers;

public sealed class IndexModel(AppDbContext db) : AdminPageModel
{
    public PageOf<Voucher> Rows { get; private set; } = PageOf<Voucher>.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Rows = await Paging.From(page).ApplyAsync(db.Vouchers.OrderByDescending(v => v.CreatedAtUtc).ThenByDescending(v => v.Id), Aborted);
}
