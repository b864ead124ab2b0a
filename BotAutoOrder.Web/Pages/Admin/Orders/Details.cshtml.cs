using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Orders;

/// <summary>
/// One order: lines, payments with gateway data, delivered items (masked; reveal is audited), timeline, and the admin
/// actions (mark paid, resend, cancel, refund), each confirmed by a checkbox so it works without JavaScript.
/// </summary>
public sealed class DetailsModel(AppDbContext db, OrderActions actions, StockCipher cipher, StockReveal reveal) : AdminPageModel
{
    public sealed class ActionInput
    {
        [StringLength(500, ErrorMessage = "At most {1} characters")] public string? Note { get; set; }
        public bool Confirmed { get; set; }
    }

    [BindProperty] public ActionInput Input { get; set; } = new();
    /// <summary>The action whose form failed validation (its errors are shown next to it).</summary>
    public OrderAction? FailedAction { get; private set; }

    /// <param name="Replaced">Taken back under warranty (a replacement was sent): still listed, so the order shows all it gave.</param>
    public sealed record Delivered(long Id, string ProductName, string Masked, DateTime? SoldAtUtc, bool Replaced);

    public Order Order { get; private set; } = null!;
    public Customer? Buyer { get; private set; }
    public IReadOnlyList<Payment> Payments { get; private set; } = [];
    public IReadOnlyList<Delivered> Items { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];
    public (long Id, string Content)? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows one delivered item in full, once, and writes who looked at it to the audit log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, long itemId)
    {
        var content = await reveal.RevealAsync(id, itemId, Actor, Aborted);
        if (content is null) return NotFound();
        Revealed = (itemId, content);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostMarkPaidAsync(long id) => ActAsync(id, OrderAction.MarkPaid);
    public Task<IActionResult> OnPostResendAsync(long id) => ActAsync(id, OrderAction.Resend);
    public Task<IActionResult> OnPostCancelAsync(long id) => ActAsync(id, OrderAction.Cancel);
    public Task<IActionResult> OnPostRefundAsync(long id) => ActAsync(id, OrderAction.Refund);

    private async Task<IActionResult> ActAsync(long id, OrderAction action)
    {
        if (OrderActions.NeedsNote(action) && string.IsNullOrWhiteSpace(Input.Note)) ModelState.AddModelError("", T["A note is required."]);
        if (!Input.Confirmed) ModelState.AddModelError("", T["Tick \"I am sure\" to confirm."]);
        if (!ModelState.IsValid)
        {
            FailedAction = action;
            return await LoadAsync(id) ? Page() : NotFound();
        }
        var result = await actions.RunAsync(action, id, Input.Note?.Trim(), Actor, Aborted);
        if (result.Outcome == OrderAdminOutcome.NotFound) return NotFound();
        if (result.Succeeded) return Done(T[OrderActions.Texts(action).Done], new { id });
        var status = await db.Orders.Where(o => o.Id == id).Select(o => o.Status).FirstAsync(Aborted);
        var message = result.Outcome == OrderAdminOutcome.OutOfStock
            ? T["Refused: the order's stock is gone, so it cannot be paid. Nothing changed."]
            : T["Refused: the order is {0} and this action applies to {1}. Nothing changed.", T[status.ToString()],
                string.Join(", ", OrderActions.AppliesTo(action).Select(s => T[s.ToString()].Value))];
        return Done(message, new { id }, error: true);
    }

    private async Task<bool> LoadAsync(long id)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, Aborted);
        if (order is null) return false;
        Order = order;
        Buyer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == order.CustomerId, Aborted);
        Payments = await db.Payments.AsNoTracking().Where(p => p.OrderId == id).OrderBy(p => p.Id).ToListAsync(Aborted);
        var items = await (from s in db.StockItems
                           join p in db.Products on s.ProductId equals p.Id
                           where s.OrderId == id && (s.Status == StockItemStatus.Sold || s.Status == StockItemStatus.Replaced)
                           orderby s.Id
                           select new { s.Id, p.Name, s.Ciphertext, s.KeyId, s.SoldAtUtc, s.Status }).ToListAsync(Aborted);
        Items = items.Select(i => new Delivered(i.Id, i.Name, StockItem.Mask(cipher.Open(i.Ciphertext, i.KeyId)), i.SoldAtUtc,
            i.Status == StockItemStatus.Replaced)).ToList();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Timeline = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Order" && a.EntityId == key)
            .OrderBy(a => a.Id).Take(200).ToListAsync(Aborted);
        return true;
    }
}
