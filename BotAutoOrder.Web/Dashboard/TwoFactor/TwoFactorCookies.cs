using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using BotAutoOrder.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace BotAutoOrder.Web.Dashboard.TwoFactor;

/// <summary>
/// The cookies around the second sign-in step: <c>bao.2fa</c> (an own cookie scheme, 5 minutes) says "this browser
/// passed the password step for user N", and the optional <c>bao.2fa.device</c> remembers a device for 30 days. Both
/// are bound to the user's security stamp, so a password change forgets every remembered device.
/// </summary>
public static class TwoFactorCookies
{
    public const string Scheme = "bao.2fa";
    public const string DeviceCookie = "bao.2fa.device";
    public static readonly TimeSpan DeviceLifetime = TimeSpan.FromDays(30);
    private const string DevicePurpose = "BotAutoOrder.TwoFactor.Device";

    public static ClaimsPrincipal Pending(DashboardUser user) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(DashboardClaims.Stamp, user.SecurityStamp),
        ], Scheme));

    /// <summary>The user id of a browser that passed the password step, if its <c>bao.2fa</c> cookie is still valid.</summary>
    public static async Task<long?> PendingUserIdAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Succeeded ? result.Principal.UserId() : null;
    }

    public static async Task SignInAsync(HttpContext http, DashboardUser user)
    {
        await http.SignOutAsync(Scheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.Create(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static void RememberDevice(HttpContext http, DashboardUser user)
    {
        var protector = Protector(http);
        http.Response.Cookies.Append(DeviceCookie, protector.Protect(Payload(user), DeviceLifetime), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = DeviceLifetime, IsEssential = true,
        });
    }

    public static bool IsRemembered(HttpContext http, DashboardUser user)
    {
        if (!http.Request.Cookies.TryGetValue(DeviceCookie, out var value) || string.IsNullOrEmpty(value)) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(Protector(http).Unprotect(value)), System.Text.Encoding.UTF8.GetBytes(Payload(user)));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Payload(DashboardUser user) => $"{user.Id.ToString(CultureInfo.InvariantCulture)}:{user.SecurityStamp}";

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(DevicePurpose).ToTimeLimitedDataProtector();
}
