using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Terms;

public enum TermsStartOutcome
{
    /// <summary>The buyer may now send the proof.</summary>
    AwaitingProof,
    /// <summary>A proof exists already: ask whether to replace it.</summary>
    AskReplace,
    /// <summary>Not this buyer's paid order, or the product has no terms.</summary>
    NotAllowed,
}

public sealed record TermsStart(TermsStartOutcome Outcome, long? ProofId = null, string? ProductName = null);

/// <summary>
/// Terms (SNK) proofs: one per order and product. The buyer presses "Penuhi SNK", then the next text and/or photo is
/// the proof; admins get it forwarded and review it in the dashboard; the buyer hears the verdict.
/// </summary>
public sealed class TermsService(AppDbContext db, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    public async Task<TermsStart> StartAsync(long customerId, long orderId, long productId, CancellationToken ct)
    {
        var eligible = await db.Orders.AnyAsync(o => o.Id == orderId && o.CustomerId == customerId && o.Status == OrderStatus.Paid
            && o.Lines.Any(l => l.ProductId == productId), ct)
            && await db.Products.AnyAsync(p => p.Id == productId && p.TermsText != null, ct);
        if (!eligible) return new TermsStart(TermsStartOutcome.NotAllowed);
        var name = await db.OrderLines.Where(l => l.OrderId == orderId
            && l.ProductId == productId).Select(l => l.ProductName).FirstAsync(ct);
        var proof = await db.TermsProofs.FirstOrDefaultAsync(p => p.OrderId == orderId && p.ProductId == productId, ct);
        if (proof is { Status: TermsProofStatus.Submitted or TermsProofStatus.Approved or TermsProofStatus.Rejected })
            return new TermsStart(TermsStartOutcome.AskReplace, proof.Id, name);
        if (proof is null)
        {
            await ClearOtherAwaitingAsync(customerId, ct);
            proof = new TermsProof(orderId, productId, customerId, clock.GetUtcNow().UtcDateTime);
            db.TermsProofs.Add(proof);
            await db.SaveChangesAsync(ct);
        }
        return new TermsStart(TermsStartOutcome.AwaitingProof, proof.Id, name);
    }

    /// <summary>The buyer chose to replace an earlier proof: the next text/photo replaces it.</summary>
    public async Task<bool> ReopenAsync(long customerId, long proofId, CancellationToken ct)
    {
        await ClearOtherAwaitingAsync(customerId, ct);
        return await db.TermsProofs.Where(p => p.Id == proofId && p.CustomerId == customerId && p.Status != TermsProofStatus.AwaitingProof)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, TermsProofStatus.AwaitingProof), ct) == 1;
    }

    /// <summary>Stores text and/or a photo as the proof the buyer is expected to send; null when none is expected.</summary>
    public async Task<TermsProof?> SubmitAsync(long customerId, string? text, string? photoFileId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(photoFileId)) return null;
        var proof = await db.TermsProofs.Where(p => p.CustomerId == customerId && p.Status == TermsProofStatus.AwaitingProof)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (proof is null) return null;
        proof.Submit(text is { Length: > 4000 } ? text[..4000] : text, photoFileId, clock.GetUtcNow().UtcDateTime);
        outbox.ToAdmins(OutboxKinds.TermsProofAdmin, new TermsPayload(proof.Id), $"proof:{proof.Id}:{proof.SubmittedAtUtc:O}");
        audit.Record(await ActorAsync(customerId, ct), AuditActions.TermsSubmitted, "TermsProof", proof.Id,
            new { proof.OrderId, proof.ProductId, photo = photoFileId is not null });
        await db.SaveChangesAsync(ct);
        return proof;
    }

    /// <summary>Approve or reject a submitted proof; the buyer is told (with the note).</summary>
    public async Task<bool> ReviewAsync(long proofId, bool approve, string? note, string actor, CancellationToken ct)
    {
        var proof = await db.TermsProofs.FirstOrDefaultAsync(p => p.Id == proofId, ct);
        if (proof is null || proof.Status is TermsProofStatus.AwaitingProof) return false;
        proof.Review(approve, note, actor, clock.GetUtcNow().UtcDateTime);
        var chatId = await db.Customers.Where(c => c.Id == proof.CustomerId).Select(c => c.TelegramUserId).FirstAsync(ct);
        outbox.ToChat(chatId, OutboxKinds.TermsReviewed, new TermsPayload(proof.Id));
        audit.Record(actor, approve ? AuditActions.TermsApproved : AuditActions.TermsRejected, "TermsProof", proof.Id, new { note });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task ClearOtherAwaitingAsync(long customerId, CancellationToken ct) =>
        db.TermsProofs.Where(p => p.CustomerId == customerId && p.Status == TermsProofStatus.AwaitingProof && p.SubmittedAtUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, TermsProofStatus.Submitted), ct);

    private async Task<string> ActorAsync(long customerId, CancellationToken ct) =>
        AuditLog.Buyer(await db.Customers.Where(c => c.Id == customerId).Select(c => c.TelegramUserId).FirstAsync(ct));
}
