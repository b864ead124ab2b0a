namespace BotAutoOrder.Web.Dashboard;

/// <summary><c>Dashboard:*</c>: how the browser dashboard protects its cookies.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// True: the sign-in and antiforgery cookies are sent only over https (<c>Secure</c> always).
    /// False (default): <c>Secure</c> follows the request, so a reverse proxy that terminates TLS and a plain-http
    /// developer machine (and the test host on Kestrel) both work. Set it to true when the app itself serves https.
    /// </summary>
    public bool RequireHttpsCookies { get; set; }
}
