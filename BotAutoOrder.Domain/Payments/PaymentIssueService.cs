using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Payments;

/// <summary>Closing a reconciliation item (money a person had to look at) with a note; audited.</summary>
public sealed class PaymentIssueService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    public async Task<PaymentIssueOutcome> ResolveAsync(long issueId, string note, string actor, CancellationToken ct)
    {
        var issue = await db.PaymentIssues.FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null) return PaymentIssueOutcome.NotFound;
        if (issue.ResolvedAtUtc is not null) return PaymentIssueOutcome.AlreadyResolved;
        note = note.Trim();
        issue.Resolve(actor, note, clock.GetUtcNow().UtcDateTime);
        await save.SaveAsync(actor, AuditActions.PaymentIssueResolved, "PaymentIssue", () => issueId,
            () => new { issue.Kind, issue.GatewayOrderId, note }, ct);
        return PaymentIssueOutcome.Resolved;
    }

    /// <summary>How many items wait for a person (the dashboard home page's badge).</summary>
    public Task<int> OpenCountAsync(CancellationToken ct) => db.PaymentIssues.CountAsync(i => i.ResolvedAtUtc == null, ct);
}
