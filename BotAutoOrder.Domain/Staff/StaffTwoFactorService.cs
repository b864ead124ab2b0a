using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Staff;

/// <summary>
/// The account side of two-factor sign-in (ADR-016), next to <see cref="StaffService"/>: turning it on and off, the
/// second sign-in step (failures count towards the same lockout as wrong passwords) and a remembered-device sign-in,
/// each saved with its audit entry (<see cref="AuditedSave"/>). The codes themselves are checked by the caller (TOTP and
/// the secret's protection are the web's): it passes the accepted time step, or a function from the stored secret to the
/// matched step, or a recovery code's hash.
/// </summary>
public sealed class StaffTwoFactorService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    /// <summary>
    /// Turns two-factor on with a checked code's <paramref name="acceptedStep"/>; false when the user is gone or already has it.
    /// </summary>
    public async Task<bool> EnableAsync(long userId, string protectedSecret, IEnumerable<string> recoveryCodeHashes, long acceptedStep,
        CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || user.HasTwoFactor) return false;
        user.EnableTwoFactor(protectedSecret, recoveryCodeHashes, acceptedStep);
        await save.SaveAsync(AuditLog.Admin(user.Email), AuditActions.AuthTwoFactorEnabled, "DashboardUser", () => user.Id, null, ct);
        return true;
    }

    /// <summary>Turns two-factor off after a current code (<paramref name="totpStep"/> of the stored secret, not replayed).</summary>
    public async Task<bool> DisableAsync(long userId, Func<string, long?> totpStep, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || !user.HasTwoFactor) return false;
        if (totpStep(user.TwoFactorSecret!) is not { } step || !user.TryAcceptStep(step)) return false;
        user.DisableTwoFactor();
        await save.SaveAsync(AuditLog.Admin(user.Email), AuditActions.AuthTwoFactorDisabled, "DashboardUser", () => user.Id, null, ct);
        return true;
    }

    /// <summary>
    /// The second sign-in step: a TOTP code (<paramref name="totpStep"/> given) or an unused recovery code (its hash, which
    /// is then spent). Answers <see cref="StaffOutcome.Succeeded"/>, <see cref="StaffOutcome.InvalidCredentials"/>,
    /// <see cref="StaffOutcome.LockedOut"/> or <see cref="StaffOutcome.NotFound"/>.
    /// </summary>
    public async Task<StaffResult> VerifyAsync(long userId, Func<string, long?>? totpStep, string? recoveryCodeHash, bool rememberDevice,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || !user.IsActive || !user.HasTwoFactor) return new StaffResult(StaffOutcome.NotFound);
        if (user.IsLockedOut(now)) return new StaffResult(StaffOutcome.LockedOut);
        string? method = null;
        var (stepBefore, codesBefore) = (user.TwoFactorLastStep, user.RecoveryCodeHashes);
        if (totpStep is not null)
        {
            if (totpStep(user.TwoFactorSecret!) is { } step && user.TryAcceptStep(step)) method = "totp";
        }
        else if (recoveryCodeHash is not null && user.TryUseRecoveryCode(recoveryCodeHash))
        {
            method = "recovery code";
        }
        if (method is not null && !await SpendAsync(user, stepBefore, codesBefore, ct))
        {
            // The same code was just accepted for a request that read the account at the same moment: a replay.
            db.ChangeTracker.Clear();
            method = null;
        }
        if (method is null)
        {
            // The same atomic counter as wrong passwords (one UPDATE), so concurrent wrong codes are all counted.
            var locked = await StaffService.RecordFailedLoginAsync(db, user.Id, now, ct);
            await save.SaveAsync(AuditLog.Admin(user.Email), locked ? AuditActions.AuthLockedOut : AuditActions.AuthTwoFactorFailed,
                "DashboardUser", () => user.Id, null, ct);
            return new StaffResult(locked ? StaffOutcome.LockedOut : StaffOutcome.InvalidCredentials);
        }
        user.RecordLogin(now);
        await save.SaveAsync(AuditLog.Admin(user.Email), AuditActions.AuthSignedIn, "DashboardUser", () => user.Id,
            () => new { secondFactor = method, rememberDevice, recoveryCodesLeft = user.RecoveryCodesLeft }, ct);
        return new StaffResult(StaffOutcome.Succeeded, user);
    }

    /// <summary>
    /// Spends the accepted code with one conditional update on what was read (the last step and the recovery codes), so of
    /// two requests carrying the same code at once only one gets through; the other sees no row and is refused.
    /// </summary>
    private async Task<bool> SpendAsync(DashboardUser user, long stepBefore, string? codesBefore, CancellationToken ct)
    {
        var (step, codes) = (user.TwoFactorLastStep, user.RecoveryCodeHashes);
        return await db.DashboardUsers
            .Where(u => u.Id == user.Id && u.TwoFactorLastStep == stepBefore && u.RecoveryCodeHashes == codesBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, step).SetProperty(u => u.RecoveryCodeHashes, codes), ct) == 1;
    }

    /// <summary>Completes a sign-in whose second step is vouched for by a remembered-device cookie.</summary>
    public async Task<DashboardUser?> SignInRememberedAsync(long userId, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null) return null;
        user.RecordLogin(clock.GetUtcNow().UtcDateTime);
        await save.SaveAsync(AuditLog.Admin(user.Email), AuditActions.AuthSignedIn, "DashboardUser", () => user.Id,
            () => new { secondFactor = "remembered device" }, ct);
        return user;
    }
}
