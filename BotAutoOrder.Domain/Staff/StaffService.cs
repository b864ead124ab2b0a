using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Staff;

/// <summary>
/// Dashboard accounts: sign-in with lockout (5 failures → 15 minutes), creation, password change, role and
/// deactivation. Passwords are kept only as <see cref="PasswordHasher{TUser}"/> hashes; every change is audited.
/// </summary>
public sealed class StaffService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public const int MinPasswordLength = 8;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<DashboardUser> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password");

    public Task<bool> AnyUserAsync(CancellationToken ct) => db.DashboardUsers.AnyAsync(ct);

    public async Task<StaffResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = string.IsNullOrWhiteSpace(email) ? "" : DashboardUser.NormalizeEmail(email);
        var user = await db.DashboardUsers.FirstOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? ""); // same work as a real check
            return new StaffResult(StaffOutcome.InvalidCredentials);
        }
        if (user.IsLockedOut(now)) return new StaffResult(StaffOutcome.LockedOut);

        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.Failed || !user.IsActive)
        {
            var locked = await RecordFailedLoginAsync(db, user.Id, now, ct);
            audit.Record(AuditLog.Admin(user.Email), locked ? AuditActions.AuthLockedOut : AuditActions.AuthLoginFailed, "DashboardUser",
                user.Id);
            await db.SaveChangesAsync(ct);
            return new StaffResult(locked ? StaffOutcome.LockedOut : StaffOutcome.InvalidCredentials);
        }
        // Another request may have locked the account while this one checked the password.
        if (await db.DashboardUsers.AnyAsync(u => u.Id == user.Id && u.LockoutEndUtc != null && u.LockoutEndUtc > now, ct))
            return new StaffResult(StaffOutcome.LockedOut);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded) user.SetPasswordHash(Hasher.HashPassword(user, password!));
        if (user.HasTwoFactor)
        {
            // Not a sign-in yet, and the failure count is kept: second-step failures add to it (lockout covers both).
            audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthPasswordOk, "DashboardUser", user.Id);
            await db.SaveChangesAsync(ct);
            return new StaffResult(StaffOutcome.TwoFactorRequired, user);
        }
        user.RecordLogin(now);
        audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthSignedIn, "DashboardUser", user.Id);
        await db.SaveChangesAsync(ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }

    /// <summary>
    /// Counts one failed sign-in in a single UPDATE (no read-modify-write, so concurrent failures are all counted):
    /// the attempt that reaches <see cref="MaxFailedAttempts"/> locks the account; attempts while it is locked do not
    /// count. Returns whether the account is locked now.
    /// </summary>
    public static async Task<bool> RecordFailedLoginAsync(AppDbContext db, long userId, DateTime now, CancellationToken ct)
    {
        DateTime? until = now + LockoutDuration;
        await db.DashboardUsers
            .Where(u => u.Id == userId && (u.LockoutEndUtc == null || u.LockoutEndUtc <= now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEndUtc, u => u.FailedLoginCount + 1 >= MaxFailedAttempts ? until : u.LockoutEndUtc)
                .SetProperty(u => u.FailedLoginCount, u => u.FailedLoginCount + 1 >= MaxFailedAttempts ? 0 : u.FailedLoginCount + 1), ct);
        var end = await db.DashboardUsers.Where(u => u.Id == userId).Select(u => u.LockoutEndUtc).SingleAsync(ct);
        return end is { } e && e > now;
    }

    /// <summary>
    /// The <c>/setup</c> page's owner: created only while no dashboard user exists, decided inside the database so two
    /// simultaneous requests (or instances) cannot both create one — PostgreSQL takes a transaction-scoped advisory
    /// lock before looking, SQLite's write transaction (BEGIN IMMEDIATE) already admits one writer at a time.
    /// </summary>
    public async Task<StaffResult> CreateFirstOwnerAsync(string email, string password, string actor, CancellationToken ct)
    {
        if ((password ?? "").Length < MinPasswordLength) return new StaffResult(StaffOutcome.WeakPassword);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7431001)", ct);
        if (await db.DashboardUsers.AnyAsync(ct)) return new StaffResult(StaffOutcome.SetupDone);
        var user = new DashboardUser(email, "", StaffRole.Owner, clock.GetUtcNow().UtcDateTime);
        user.SetPasswordHash(Hasher.HashPassword(user, password!));
        db.DashboardUsers.Add(user);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.UserCreated, "DashboardUser", user.Id,
            new { user.Email, role = nameof(StaffRole.Owner), via = "setup" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }

    /// <summary>
    /// The command line's <c>create-admin</c>: an owner account for <paramref name="email"/>, or a new password for the
    /// existing account of that email (its role and state unchanged). The caller checks the password's length.
    /// </summary>
    public async Task<(DashboardUser User, bool Created)> SetOwnerPasswordAsync(string email, string password, string actor,
        CancellationToken ct)
    {
        var normalized = DashboardUser.NormalizeEmail(email);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.DashboardUsers.SingleOrDefaultAsync(u => u.Email == normalized, ct);
        var created = user is null;
        if (user is null)
        {
            user = new DashboardUser(normalized, "", StaffRole.Owner, clock.GetUtcNow().UtcDateTime);
            db.DashboardUsers.Add(user);
        }
        user.SetPasswordHash(Hasher.HashPassword(user, password));
        await db.SaveChangesAsync(ct);
        audit.Record(actor, created ? AuditActions.StaffCreated : AuditActions.StaffPasswordSet, nameof(DashboardUser), user.Id,
            new { email = normalized, Role = user.Role.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (user, created);
    }

    public async Task<StaffResult> CreateAsync(string email, string password, StaffRole role, string actor, CancellationToken ct)
    {
        if ((password ?? "").Length < MinPasswordLength) return new StaffResult(StaffOutcome.WeakPassword);
        var normalized = DashboardUser.NormalizeEmail(email);
        if (await db.DashboardUsers.AnyAsync(u => u.Email == normalized, ct)) return new StaffResult(StaffOutcome.EmailTaken);
        var user = new DashboardUser(normalized, "", role, clock.GetUtcNow().UtcDateTime);
        user.SetPasswordHash(Hasher.HashPassword(user, password!));
        db.DashboardUsers.Add(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return new StaffResult(StaffOutcome.EmailTaken);
        }
        audit.Record(actor, AuditActions.UserCreated, "DashboardUser", user.Id, new { user.Email, role = role.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }

    public async Task<StaffResult> ChangePasswordAsync(long userId, string currentPassword, string newPassword, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null) return new StaffResult(StaffOutcome.NotFound);
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
            return new StaffResult(StaffOutcome.InvalidCredentials);
        if ((newPassword ?? "").Length < MinPasswordLength) return new StaffResult(StaffOutcome.WeakPassword);
        user.SetPasswordHash(Hasher.HashPassword(user, newPassword!));
        audit.Record(AuditLog.Admin(user.Email), AuditActions.UserPasswordChanged, "DashboardUser", user.Id);
        await db.SaveChangesAsync(ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }

    /// <summary>Changes role and active flag; refuses to leave the shop without an active owner.</summary>
    public async Task<StaffResult> UpdateAsync(long userId, StaffRole role, bool isActive, string actor, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null) return new StaffResult(StaffOutcome.NotFound);
        var losesOwner = user is { Role: StaffRole.Owner, IsActive: true } && (role != StaffRole.Owner || !isActive);
        if (losesOwner && !await db.DashboardUsers.AnyAsync(u => u.Id != userId && u.Role == StaffRole.Owner && u.IsActive, ct))
            return new StaffResult(StaffOutcome.LastOwner);
        var before = new { role = user.Role.ToString(), user.IsActive };
        user.Update(role, isActive);
        audit.Record(actor, AuditActions.UserUpdated, "DashboardUser", user.Id,
            new { before, after = new { role = role.ToString(), isActive } });
        await db.SaveChangesAsync(ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }
}
