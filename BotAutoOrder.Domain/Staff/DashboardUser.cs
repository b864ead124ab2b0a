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

    public bool IsLockedOut(DateTime nowUtc) => LockoutEndUtc is { } end && end > nowUtc;

    public void Update(StaffRole role, bool isActive)
    {
        if (Role != role || IsActive != isActive) SecurityStamp = Guid.NewGuid().ToString("N");
        Role = role;
        IsActive = isActive;
    }
}
