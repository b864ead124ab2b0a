using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// What protects the dashboard in transit and at the door: proxy headers believed only from loopback and the configured
/// proxies, HSTS, security headers (CSP with scripts only from this origin, no framing, nosniff, referrer policy),
/// a per-IP limit on sign-in and setup posts, and the absolute end of a sign-in.
/// </summary>
public static class DashboardSecurity
{
    public const string SignInPolicy = "sign-in";
    public const string SinceClaim = "bao:since";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, DashboardOptions options)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults already trust loopback (127.0.0.0/8 and ::1): a proxy on the same machine.
            foreach (var entry in TrustedProxyEntries(options.TrustedProxies))
            {
                if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) o.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address)) o.KnownProxies.Add(address);
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear(); // sent only over https anyway; a proxy may forward any host name
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = async (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<UiText>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(text["Too many attempts from this address. Wait a minute and try again."],
                    ct);
            };
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, then HSTS and headers.</summary>
    public static WebApplication UseDashboardTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use(AddSecurityHeaders);
        return app;
    }

    internal static IEnumerable<string> TrustedProxyEntries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool IsValidProxyEntry(string entry) =>
        entry.Contains('/') ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);

    private static Task AddSecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // The playground page is a local developer tool with its own scripts; everything else gets the strict policy.
        if (!context.Request.Path.StartsWithSegments("/playground"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }
        return next();
    }
}
