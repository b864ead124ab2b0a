namespace BotAutoOrder.Web.Dashboard.TwoFactor;

public enum SecondFactorOutcome
{
    Succeeded,
    /// <summary>Wrong (or replayed) code, or a recovery code that is unknown or already used.</summary>
    Invalid,
    LockedOut,
    NotFound,
}
