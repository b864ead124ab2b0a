using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Terms;

namespace BotAutoOrder.Web.Pages.Admin.Proofs;

/// <summary>One SNK proof with its buyer, order invoice and product, for the list and the detail page.</summary>
public sealed record ProofRow(long Id, TermsProofStatus Status, long CustomerId, string Buyer, long TelegramUserId, long OrderId,
    string InvoiceCode, string Product, string? Text, bool HasPhoto, string? ReviewNote, string? ReviewedBy,
    DateTime? SubmittedAtUtc, DateTime? ReviewedAtUtc)
{
    public const int ExcerptLength = 120;

    /// <summary>The start of the text, for the list (encoded by Razor when shown).</summary>
    public string Excerpt => Text is null ? "" : Text.Length <= ExcerptLength ? Text : Text[..ExcerptLength] + "…";

    /// <summary>Proofs (filtered by the caller) joined with buyer, order and product, newest first.</summary>
    public static IQueryable<ProofRow> From(IQueryable<TermsProof> proofs, AppDbContext db) =>
        from p in proofs
        join c in db.Customers on p.CustomerId equals c.Id
        join o in db.Orders on p.OrderId equals o.Id
        join pr in db.Products on p.ProductId equals pr.Id
        orderby p.Id descending
        select new ProofRow(p.Id, p.Status, c.Id, c.Username != null ? c.FirstName + " (@" + c.Username + ")" : c.FirstName,
            c.TelegramUserId, o.Id, o.InvoiceCode, pr.Name, p.Text, p.PhotoFileId != null, p.ReviewNote, p.ReviewedBy,
            p.SubmittedAtUtc, p.ReviewedAtUtc);
}
