using System.Security.Cryptography;
using System.Text;
using BotAutoOrder.Domain.Staff;
using Microsoft.AspNetCore.DataProtection;

namespace BotAutoOrder.Web.Dashboard.TwoFactor;

/// <summary>
/// Two-factor sign-in for dashboard users (ADR-016): TOTP enrolment confirmed with a code, ten one-time recovery codes,
/// the second sign-in step (failures count towards the same lockout as wrong passwords), all audited. The TOTP secret
/// is stored protected by Data Protection (keys in the database, shared by instances). This is the web half (codes,
/// Otp.NET, Data Protection); the account changes and their audit are <see cref="StaffTwoFactorService"/>'s.
/// </summary>
public sealed class TwoFactorService(StaffTwoFactorService staff, TimeProvider clock, IDataProtectionProvider protection)
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
        var step = TotpCodes.Verify(secret, Normalize(code), clock.GetUtcNow().UtcDateTime);
        if (step is null) return null;
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        return await staff.EnableAsync(userId, _secrets.Protect(secret), codes.Select(Hash), step.Value, ct) ? codes : null;
    }

    /// <summary>Turns two-factor off after a valid current code (not a recovery code).</summary>
    public Task<bool> DisableAsync(long userId, string code, CancellationToken ct) =>
        staff.DisableAsync(userId, TotpStep(Normalize(code)), ct);

    /// <summary>The second sign-in step: a current TOTP code, or an unused recovery code (which is then spent).</summary>
    public async Task<(SecondFactorOutcome Outcome, DashboardUser? User)> VerifyAsync(long userId, string code, bool rememberDevice,
        CancellationToken ct)
    {
        var input = Normalize(code);
        var result = input.Length == TotpCodes.Digits
            ? await staff.VerifyAsync(userId, TotpStep(input), null, rememberDevice, ct)
            : await staff.VerifyAsync(userId, null, Hash(input), rememberDevice, ct);
        return result.Outcome switch
        {
            StaffOutcome.Succeeded => (SecondFactorOutcome.Succeeded, result.User),
            StaffOutcome.LockedOut => (SecondFactorOutcome.LockedOut, null),
            StaffOutcome.NotFound => (SecondFactorOutcome.NotFound, null),
            _ => (SecondFactorOutcome.Invalid, null),
        };
    }

    /// <summary>Completes a sign-in whose second step is vouched for by a remembered-device cookie.</summary>
    public Task<DashboardUser?> SignInRememberedAsync(long userId, CancellationToken ct) => staff.SignInRememberedAsync(userId, ct);

    /// <summary>The time step <paramref name="code"/> matches for a stored (protected) secret, checked when the account is read.</summary>
    private Func<string, long?> TotpStep(string code) =>
        protectedSecret => TotpCodes.Verify(_secrets.Unprotect(protectedSecret), code, clock.GetUtcNow().UtcDateTime);

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
