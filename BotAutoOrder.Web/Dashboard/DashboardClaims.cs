using System.Security.Claims;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>What the sign-in cookie carries: user id, email, role and the security stamp it was issued with.</summary>
public static class DashboardClaims
{
    public const string Stamp = "bao:stamp";
    public const string OwnerPolicy = "Owner";
    /// <summary>"1" when the user had two-factor sign-in on when the cookie was issued (for "require 2FA for all staff").</summary>
    public const string TwoFactor = "bao:2fa";

    public static ClaimsPrincipal Create(DashboardUser user, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Email),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(Stamp, user.SecurityStamp),
            new Claim(TwoFactor, user.HasTwoFactor ? "1" : "0"),
        ], scheme));

    public static bool HasTwoFactor(this ClaimsPrincipal principal) => principal.FindFirstValue(TwoFactor) == "1";

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The audit actor for the signed-in admin: <c>admin:email</c>.</summary>
    public static string Actor(this ClaimsPrincipal principal) => AuditLog.Admin(principal.Identity?.Name ?? "unknown");

    public static bool IsOwner(this ClaimsPrincipal principal) => principal.IsInRole(nameof(StaffRole.Owner));
}
