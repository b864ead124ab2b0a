using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Domain.Common;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Buyers;

/// <summary>One buyer: orders, balance ledger, SNK proofs; block/unblock; manual credit/debit with a reason.</summary>
public sealed class DetailsModel(AppDbContext db, BuyerAdminService buyers, BalanceService balances) : AdminPageModel
{
    [BindProperty] public AdjustInput Input { get; set; } = new();
    public Customer Buyer { get; private set; } = null!;
    public PageOf<OrderRow> Orders { get; private set; } = PageOf<OrderRow>.Empty;
    public IReadOnlyList<BalanceEntry> Ledger { get; private set; } = [];
    public IReadOnlyList<TermsProof> Proofs { get; private set; } = [];

    public sealed class AdjustInput
    {
        [Display(Name = "Direction")] public bool Debit { get; set; }
        [Required(ErrorMessage = "Required"), Range(1, 1_000_000_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Amount (Rp)")]
        public long? Amount { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(500, ErrorMessage = "At most {1} characters"), Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "page")] int? page) => await LoadAsync(id, page) ? Page()
        : NotFound();

    public async Task<IActionResult> OnPostBlockAsync(long id, bool blocked) =>
        await buyers.SetBlockedAsync(id, blocked, Actor, Aborted) ? Done(T[blocked ? "Buyer blocked." : "Buyer unblocked."], new { id })
            : NotFound();

    public async Task<IActionResult> OnPostAdjustAsync(long id)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, null) ? Page() : NotFound();
        var amount = Input.Debit ? -Input.Amount!.Value : Input.Amount!.Value;
        var result = await balances.AdjustByAdminAsync(id, amount, Input.Reason!, Actor, Aborted);
        return result.Outcome switch
        {
            BalanceOutcome.Applied => Done(T["Balance changed. New balance: {0}.", Rupiah.Display(result.Balance)], new { id }),
            BalanceOutcome.Insufficient => Done(T["Not enough balance to debit {0}; the balance is {1}. Nothing changed.",
                Rupiah.Display(Input.Amount!.Value), Rupiah.Display(result.Balance)], new { id }, error: true),
            _ => NotFound(),
        };
    }

    private async Task<bool> LoadAsync(long id, int? page)
    {
        var buyer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, Aborted);
        if (buyer is null) return false;
        Buyer = buyer;
        Orders = await Paging.From(page, 20).ApplyAsync(OrderRow.From(db.Orders.Where(o => o.CustomerId == id), db), Aborted);
        Ledger = await balances.HistoryAsync(id, 50, Aborted);
        Proofs = await db.TermsProofs.AsNoTracking().Where(p => p.CustomerId == id).OrderByDescending(p =>
            p.Id).Take(50).ToListAsync(Aborted);
        return true;
    }
}
