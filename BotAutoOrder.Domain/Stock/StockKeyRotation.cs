using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Stock;

/// <summary>
/// Re-seals stock items under the current key, in batches of one transaction each, oldest id first. Each row says
/// which key sealed it, so the work left is simply "rows whose key is not the current one": an interrupted run loses
/// at most its open batch and the next run carries on. Each row is updated only while it still has the key it was read
/// with (a conditional update), so two runs at once cannot clobber each other. Also used at start-up to encrypt plain
/// rows written before encryption existed (<see cref="StockItem.KeyId"/> null).
/// </summary>
public sealed class StockKeyRotation(AppDbContext db, StockCipher cipher)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Rows not yet under the current key (plain rows included).</summary>
    public Task<int> RemainingAsync(CancellationToken ct)
    {
        var current = cipher.CurrentKeyId;
        return db.StockItems.CountAsync(s => s.KeyId == null || s.KeyId != current, ct);
    }

    /// <summary>Re-seals every row not under the current key; <paramref name="afterBatch"/> hears the running total.</summary>
    /// <param name="plainOnly">Only rows with no key at all (the start-up migration of plain rows).</param>
    public async Task<int> RunAsync(int batchSize, bool plainOnly, Func<int, CancellationToken, Task>? afterBatch, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var current = cipher.CurrentKeyId;
        long after = 0;
        var done = 0;
        while (true)
        {
            var query = db.StockItems.AsNoTracking().Where(s => s.Id > after);
            query = plainOnly ? query.Where(s => s.KeyId == null) : query.Where(s => s.KeyId == null || s.KeyId != current);
            var batch = await query.OrderBy(s => s.Id).Take(batchSize)
                .Select(s => new { s.Id, s.Ciphertext, s.KeyId }).ToListAsync(ct);
            if (batch.Count == 0) return done;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var row in batch)
                {
                    var sealedNow = cipher.Seal(cipher.Open(row.Ciphertext, row.KeyId));
                    done += await db.StockItems.Where(s => s.Id == row.Id && s.KeyId == row.KeyId)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(x => x.Ciphertext, sealedNow.Ciphertext)
                            .SetProperty(x => x.KeyId, sealedNow.KeyId)
                            // A copy of an unlimited product's template keeps its marker: all copies share one fingerprint.
                            .SetProperty(x => x.ContentHash, x => x.IsCopy ? x.ContentHash : sealedNow.Fingerprint), ct);
                }
                await tx.CommitAsync(ct);
            }
            after = batch[^1].Id;
            if (afterBatch is not null) await afterBatch(done, ct);
        }
    }
}
