using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Warranty;

namespace BotAutoOrder.Web.Pages.Admin.Claims;

/// <summary>One warranty claim with its buyer, order and product, for the queue and the detail page.</summary>
public sealed record ClaimRow(long Id, WarrantyClaimStatus Status, long CustomerId, string Buyer, long TelegramUserId, long OrderId,
    string InvoiceCode, long ProductId, string Product, long StockItemId, string? Reason, bool HasPhoto, DateTime? SubmittedAtUtc,
    DateTime? ResolvedAtUtc, string? ResolvedBy, string? ResolutionNote, long? ReplacementStockItemId, long? RefundAmount,
        bool AutoResolved,
    DateTime? DeliveredAtUtc, int WarrantyDays)
{
    public const int ExcerptLength = 120;

    public string Excerpt => Reason is null ? "" : Reason.Length <= ExcerptLength ? Reason : Reason[..ExcerptLength] + "…";

    /// <summary>Claims (filtered by the caller) joined with buyer, order and product, newest first.</summary>
    public static IQueryable<ClaimRow> From(IQueryable<WarrantyClaim> claims, AppDbContext db) =>
        from c in claims
        join cu in db.Customers on c.CustomerId equals cu.Id
        join o in db.Orders on c.OrderId equals o.Id
        join p in db.Products on c.ProductId equals p.Id
        orderby c.Id descending
        select new ClaimRow(c.Id, c.Status, cu.Id, cu.Username != null ? cu.FirstName + " (@" + cu.Username + ")" : cu.FirstName,
            cu.TelegramUserId, o.Id, o.InvoiceCode, p.Id, p.Name, c.StockItemId, c.Reason, c.PhotoFileId != null, c.SubmittedAtUtc,
            c.ResolvedAtUtc, c.ResolvedBy, c.ResolutionNote, c.ReplacementStockItemId, c.RefundAmount, c.AutoResolved, o.PaidAtUtc,
                p.WarrantyDays);
}
