using System.Security.Cryptography;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Staff;
using Microsoft.AspNetCore.DataProtection;

namespace BotAutoOrder.Web.Dashboard.TwoFactor;

/// <summary>
/// Two-factor sign-in for dashboard users (ADR-016): TOTP enrolment confirmed with a code, ten one-time recovery codes,
/// the second sign-in step (failures count towards the same lockout as wrong passwords), all audited. The TOTP secret
/// is stored protected by Data Protection (keys in the database, shared by instances).
/// </summary>
public sealed class TwoFactorService(AppDbContext db, AuditLog audit, TimeProvider clock, IDataProtectionProvider protection)
{
    public const int RecoveryCodeCount = 10;
    private readonly IDataProtector _secrets = protection.CreateProtector("BotAutoOrder.TwoFactor.Secret");
    private readonly ITimeLimitedDataProtector _pending =
        protection.CreateProtector("BotAutoOrder.TwoFactor.Pending").ToTimeLimitedDataProtector();

    /// <summary>A new secret for enrolment, and a token carrying it through the form (valid 15 minutes, this user only).</summary>
    public (string Secret, string Token) StartEnrolment(long userId)
    {
        var secret = TotpCodes.NewSecret();
        return (secret, _pending.Protect($"{userId}:{secret}", TimeSpan.FromMinutes(15)));
    }

    public string? PendingSecret(long userId, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = _pending.Unprotect(token).Split(':');
            return parts.Length == 2 && parts[0] == userId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Turns two-factor on when <paramref name="code"/> matches the new secret; returns the recovery codes (shown once) or
    /// null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(long userId, string secret, string code, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || user.HasTwoFactor) return null;
        var step = TotpCodes.Verify(secret, Normalize(code), clock.GetUtcNow().UtcDateTime);
        if (step is null) return null;
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        user.EnableTwoFactor(_secrets.Protect(secret), codes.Select(Hash), step.Value);
        audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthTwoFactorEnabled, "DashboardUser", user.Id);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>Turns two-factor off after a valid current code (not a recovery code).</summary>
    public async Task<bool> DisableAsync(long userId, string code, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || !user.HasTwoFactor) return false;
        var step = TotpCodes.Verify(_secrets.Unprotect(user.TwoFactorSecret!), Normalize(code), clock.GetUtcNow().UtcDateTime);
        if (step is null || !user.TryAcceptStep(step.Value)) return false;
        user.DisableTwoFactor();
        audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthTwoFactorDisabled, "DashboardUser", user.Id);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The second sign-in step: a current TOTP code, or an unused recovery code (which is then spent).</summary>
    public async Task<(SecondFactorOutcome Outcome, DashboardUser? User)> VerifyAsync(long userId, string code, bool rememberDevice,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null || !user.IsActive || !user.HasTwoFactor) return (SecondFactorOutcome.NotFound, null);
        if (user.IsLockedOut(now)) return (SecondFactorOutcome.LockedOut, null);
        var input = Normalize(code);
        string? method = null;
        if (input.Length == TotpCodes.Digits)
        {
            var step = TotpCodes.Verify(_secrets.Unprotect(user.TwoFactorSecret!), input, now);
            if (step is not null && user.TryAcceptStep(step.Value)) method = "totp";
        }
        else if (user.TryUseRecoveryCode(Hash(input)))
        {
            method = "recovery code";
        }
        if (method is null)
        {
            // The same atomic counter as wrong passwords (one UPDATE), so concurrent wrong codes are all counted.
            var locked = await StaffService.RecordFailedLoginAsync(db, user.Id, now, ct);
            audit.Record(AuditLog.Admin(user.Email), locked ? AuditActions.AuthLockedOut : AuditActions.AuthTwoFactorFailed,
                "DashboardUser", user.Id);
            await db.SaveChangesAsync(ct);
            return (locked ? SecondFactorOutcome.LockedOut : SecondFactorOutcome.Invalid, null);
        }
        user.RecordLogin(now);
        audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthSignedIn, "DashboardUser", user.Id,
            new { secondFactor = method, rememberDevice, recoveryCodesLeft = user.RecoveryCodesLeft });
        await db.SaveChangesAsync(ct);
        return (SecondFactorOutcome.Succeeded, user);
    }

    /// <summary>Completes a sign-in whose second step is vouched for by a remembered-device cookie.</summary>
    public async Task<DashboardUser?> SignInRememberedAsync(long userId, CancellationToken ct)
    {
        var user = await db.DashboardUsers.FindAsync([userId], ct);
        if (user is null) return null;
        user.RecordLogin(clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditLog.Admin(user.Email), AuditActions.AuthSignedIn, "DashboardUser", user.Id,
            new { secondFactor = "remembered device" });
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Recovery codes are 10 random base32 characters (50 bits), shown as xxxxx-xxxxx; stored as SHA-256 only.</summary>
    private static string NewRecoveryCode()
    {
        var chars = OtpNet.Base32Encoding.ToString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant()[..10];
        return chars[..5] + "-" + chars[5..];
    }

    // A fast hash is enough here: the codes are random with 50 bits, not guessable passwords.
    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code).Replace("-", ""))));

    private static string Normalize(string? code) => (code ?? "").Trim().Replace(" ", "").ToLowerInvariant();
}
