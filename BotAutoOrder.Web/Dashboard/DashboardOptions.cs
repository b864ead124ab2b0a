namespace BotAutoOrder.Web.Dashboard;

/// <summary><c>Dashboard:*</c>: how the browser dashboard protects its cookies, sessions and sign-in.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Whether the sign-in and antiforgery cookies are sent only over https (<c>Secure</c>). Not set (default): yes
    /// whenever <c>Telegram:PublicUrl</c> is https (the shop is public; the TLS proxy in front makes the app see http),
    /// else <c>Secure</c> follows the request (a plain-http developer machine). <c>true</c>: always;
    /// <c>false</c>: follow the request even with an https <c>PublicUrl</c> (only for a test host on plain http).
    /// </summary>
    public bool? RequireHttpsCookies { get; set; }

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed, besides loopback: comma-separated
    /// IP addresses or networks (<c>172.16.0.0/12</c>). A header from anyone else is ignored.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>Sign-in and setup form posts allowed per client IP address and minute (429 beyond).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>A sign-in ends this many hours after it began, however active the session (the 12-hour idle timeout aside).</summary>
    public int AbsoluteSessionHours { get; set; } = 24;

    /// <summary>The cookie policy in force for <paramref name="publicUrl"/>.</summary>
    public bool SecureCookies(string? publicUrl) =>
        RequireHttpsCookies ?? (Uri.TryCreate(publicUrl, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps);
}
