using System.Security.Claims;
using BotAutoOrder.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// Runs on every request with a sign-in cookie: the user must still exist, be active, and have the same security
/// stamp and role the cookie was issued with; otherwise the cookie is rejected and removed (password change,
/// role change and deactivation sign the user out everywhere).
/// </summary>
public static class PrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserId();
        var stamp = principal?.FindFirstValue(DashboardClaims.Stamp);
        var role = principal?.FindFirstValue(ClaimTypes.Role);
        if (userId is null || stamp is null || role is null)
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var limit = TimeSpan.FromHours(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.AbsoluteSessionHours);
        if (!long.TryParse(principal!.FindFirstValue(DashboardSecurity.SinceClaim), out var since)
            || now - DateTimeOffset.FromUnixTimeSeconds(since) > limit)
        {
            await RejectAsync(context); // the absolute end of a sign-in, however active the session was
            return;
        }
        var cache = services.GetRequiredService<UserStampCache>();
        if (!cache.TryGet(userId.Value, out var entry))
        {
            var db = services.GetRequiredService<AppDbContext>();
            var user = await db.DashboardUsers.AsNoTracking()
                .Where(u => u.Id == userId.Value)
                .Select(u => new { u.SecurityStamp, u.Role, u.IsActive })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (user is null)
            {
                await RejectAsync(context);
                return;
            }
            entry = cache.Set(userId.Value, user.SecurityStamp, user.Role, user.IsActive);
        }

        if (!entry.IsActive || entry.Stamp != stamp || entry.Role.ToString() != role) await RejectAsync(context);
    }

    /// <summary>Puts the time of sign-in into the cookie; sliding renewals keep it, so it bounds the whole session.</summary>
    public static Task StampSignInTimeAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == DashboardSecurity.SinceClaim))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            identity.AddClaim(new Claim(DashboardSecurity.SinceClaim,
                now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Task.CompletedTask;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
