using System.Collections.Concurrent;
using BotAutoOrder.Domain.Staff;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Remembers each user's security stamp, role and active flag for a few seconds, so the cookie check on every
/// request does not always hit the database. Changes made in this process evict the entry at once; another
/// instance's change is seen after at most <see cref="Lifetime"/>.
/// </summary>
public sealed class UserStampCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, Entry> _entries = new();

    public sealed record Entry(string Stamp, StaffRole Role, bool IsActive, DateTimeOffset At);

    public bool TryGet(long userId, out Entry entry) =>
        _entries.TryGetValue(userId, out entry!) && clock.GetUtcNow() - entry.At < Lifetime;

    public Entry Set(long userId, string stamp, StaffRole role, bool isActive) =>
        _entries[userId] = new Entry(stamp, role, isActive, clock.GetUtcNow());

    public void Evict(long userId) => _entries.TryRemove(userId, out _);
}
