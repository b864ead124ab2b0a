namespace BotAutoOrder.Domain.Staff;

public enum StaffOutcome
{
    Succeeded,
    /// <summary>Wrong email or password (or an inactive account): the same answer for all, so accounts cannot be probed.</summary>
    InvalidCredentials,
    LockedOut,
    EmailTaken,
    /// <summary>Shorter than <see cref="StaffService.MinPasswordLength"/>.</summary>
    WeakPassword,
    NotFound,
    /// <summary>The change would leave the shop without an active owner.</summary>
    LastOwner,
    /// <summary>The first owner was already created (by another request or instance): setup is over.</summary>
    SetupDone,
    /// <summary>The password was right; the account has two-factor sign-in, so the second step decides.</summary>
    TwoFactorRequired,
}

/// <summary>The outcome of a dashboard account operation; <see cref="User"/> is set when it succeeded.</summary>
public sealed record StaffResult(StaffOutcome Outcome, DashboardUser? User = null)
{
    public bool Succeeded => Outcome == StaffOutcome.Succeeded;
}
