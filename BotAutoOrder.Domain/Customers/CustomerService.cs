using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Customers;

/// <summary>What the bot needs to know about the buyer it is talking to.</summary>
public sealed record TelegramProfile(long TelegramUserId, string FirstName, string? LastName, string? Username, string? LanguageCode);

public sealed class CustomerService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Creates the buyer on first contact, refreshes the profile afterwards. Safe when two updates race.</summary>
    public async Task<Customer> UpsertAsync(TelegramProfile profile, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.TelegramUserId == profile.TelegramUserId, ct);
            if (customer is null)
            {
                customer = new Customer(profile.TelegramUserId, profile.FirstName, profile.LastName, profile.Username, profile.LanguageCode,
                    now);
                db.Customers.Add(customer);
            }
            else
            {
                customer.UpdateProfile(profile.FirstName, profile.LastName, profile.Username, profile.LanguageCode, now);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return customer;
            }
            catch (DbUpdateException e) when (attempt == 0 && DbErrors.IsUniqueViolation(e))
            {
                // Another update for the same buyer created the row first: read it and update that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The buyer blocked the bot (or deleted the chat), or started it again: a blocked bot makes the buyer unreachable
    /// (broadcasts skip them); coming back refreshes the profile, which makes them reachable again.
    /// </summary>
    /// <returns>False for someone who never talked to the bot (nothing to record).</returns>
    public async Task<bool> RecordMembershipAsync(TelegramProfile profile, bool blockedBot, DateTime atUtc, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.TelegramUserId == profile.TelegramUserId, ct);
        if (customer is null) return false;
        if (blockedBot) customer.MarkUnreachable();
        else customer.UpdateProfile(profile.FirstName, profile.LastName, profile.Username, profile.LanguageCode, atUtc);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
