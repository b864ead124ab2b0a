namespace BotAutoOrder.Domain.Staff;

/// <summary>A person who signs in to the dashboard. The password is stored only as a hash.</summary>
public class DashboardUser
{
    private DashboardUser() { }

    public DashboardUser(string email, string passwordHash, StaffRole role, DateTime nowUtc)
    {
        Email = NormalizeEmail(email);
        PasswordHash = passwordHash;
        Role = role;
        IsActive = true;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string Email { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    /// <summary>Changes with the password (or role), so older sign-in cookies stop working.</summary>
    public string SecurityStamp { get; private set; } = Guid.NewGuid().ToString("N");
    public StaffRole Role { get; private set; }
    public bool IsActive { get; private set; }
    public int FailedLoginCount { get; private set; }
    public DateTime? LockoutEndUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? LastLoginAtUtc { get; private set; }
    /// <summary>The TOTP secret, protected by the host (Data Protection); null while two-factor sign-in is off.</summary>
    public string? TwoFactorSecret { get; private set; }
    /// <summary>SHA-256 hashes (hex, space-separated) of the unused recovery codes.</summary>
    public string? RecoveryCodeHashes { get; private set; }
    /// <summary>The last TOTP time step accepted: a code is good once, never replayed.</summary>
    public long TwoFactorLastStep { get; private set; }
    public bool HasTwoFactor => TwoFactorSecret is not null;

    public static string NormalizeEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return email.Trim().ToLowerInvariant();
    }

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void RecordLogin(DateTime nowUtc)
    {
        FailedLoginCount = 0;
        LockoutEndUtc = null;
        LastLoginAtUtc = nowUtc;
    }

    public void EnableTwoFactor(string protectedSecret, IEnumerable<string> recoveryCodeHashes, long acceptedStep)
    {
        TwoFactorSecret = protectedSecret;
        RecoveryCodeHashes = string.Join(' ', recoveryCodeHashes);
        TwoFactorLastStep = acceptedStep;
    }

    public void DisableTwoFactor()
    {
        TwoFactorSecret = null;
        RecoveryCodeHashes = null;
        TwoFactorLastStep = 0;
    }

    /// <summary>Accepts a TOTP time step only if it is later than the last one accepted (no replay).</summary>
    public bool TryAcceptStep(long step)
    {
        if (step <= TwoFactorLastStep) return false;
        TwoFactorLastStep = step;
        return true;
    }

    /// <summary>Spends a recovery code: true once per code.</summary>
    public bool TryUseRecoveryCode(string hash)
    {
        var left = (RecoveryCodeHashes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!left.Remove(hash)) return false;
        RecoveryCodeHashes = string.Join(' ', left);
        return true;
    }

    public int RecoveryCodesLeft => (RecoveryCodeHashes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    public bool IsLockedOut(DateTime nowUtc) => LockoutEndUtc is { } end && end > nowUtc;

    public void Update(StaffRole role, bool isActive)
    {
        if (Role != role || IsActive != isActive) SecurityStamp = Guid.NewGuid().ToString("N");
        Role = role;
        IsActive = isActive;
    }
}
