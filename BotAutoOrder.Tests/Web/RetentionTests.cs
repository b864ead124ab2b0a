using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Reviewed SNK proofs go after the retention period; unreviewed ones and recent ones stay.</summary>
public sealed class RetentionTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Workers:RetentionIntervalSeconds"] = "0.3",
    };

    [Fact]
    public async Task OldReviewedProofs_AreDeleted_OthersKept()
    {
        var productId = await SeedProductAsync("RET", "Retained", 3_000, items: 3, terms: "SNK");
        var orders = new List<long>();
        for (var i = 0; i < 3; i++) orders.Add(await BuyWithBalanceAsync(95_000 + i, productId, 3_000));
        var (old, recent, unreviewed) = await App.QueryAsync(async db =>
        {
            var customers = await db.Orders.Where(o => orders.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.CustomerId).ToListAsync();
            var proofs = orders.Select((o, i) => new TermsProof(o, productId, customers[i], DateTime.UtcNow.AddDays(-200))).ToList();
            foreach (var p in proofs) p.Submit("bukti", null, DateTime.UtcNow.AddDays(-200));
            proofs[0].Review(true, null, "admin:x", DateTime.UtcNow.AddDays(-120)); // reviewed long ago: goes
            proofs[1].Review(false, "no", "admin:x", DateTime.UtcNow.AddDays(-10));  // reviewed recently: stays
            db.TermsProofs.AddRange(proofs);                                         // proofs[2] never reviewed: stays
            db.InboundEvents.Add(new InboundEvent("telegram", "old-update", DateTime.UtcNow.AddDays(-30)));
            await db.SaveChangesAsync();
            return (proofs[0].Id, proofs[1].Id, proofs[2].Id);
        });

        await EventuallyAsync(async () => !await App.QueryAsync(db => db.TermsProofs.AnyAsync(p => p.Id == old)), "old proof purged");

        var left = await App.QueryAsync(db => db.TermsProofs.Select(p => p.Id).ToListAsync());
        Assert.Contains(recent, left);
        Assert.Contains(unreviewed, left);
        await EventuallyAsync(async () => !await App.QueryAsync(db => db.InboundEvents.AnyAsync(e => e.ExternalId == "old-update")), "old update id pruned");
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TermsPurged)));
    }
}
