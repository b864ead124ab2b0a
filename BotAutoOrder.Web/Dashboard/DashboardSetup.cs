using System.Globalization;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BotAutoOrder.Web.Dashboard;

public static class DashboardSetup
{
    public const string ApplicationName = "BotAutoOrder";
    public const string CultureCookie = "bao.culture";
    private static readonly CultureInfo[] Cultures = [new("id-ID"), new("en")];

    /// <summary>
    /// Razor Pages under <c>/admin</c> (sign-in required; owner-only pages by policy), cookie sign-in validated against
    /// the user's security stamp, Data Protection keys in the database (sign-ins survive restarts and are shared by
    /// instances), Indonesian/English UI and the first-owner seeding.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new();
        services.AddOptions<DashboardOptions>().Bind(config.GetSection(DashboardOptions.Section)).ValidateOnStart();
        var securePolicy = options.SecureCookies(config["Telegram:PublicUrl"]) ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        services.AddDashboardSecurity(options);

        services.AddOptions<KeyProtectionOptions>().Bind(config.GetSection(KeyProtectionOptions.Section)).ValidateOnStart();
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithConfiguredCertificate(config.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new());
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "bao.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = securePolicy;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = PrincipalValidator.ValidateAsync;
                o.Events.OnSigningIn = PrincipalValidator.StampSignInTimeAsync;
            })
            .AddCookie(TwoFactor.TwoFactorCookies.Scheme, o =>
            {
                // Only "passed the password step": good for the second step page, nothing else.
                o.Cookie.Name = TwoFactor.TwoFactorCookies.Scheme;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = securePolicy;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
                o.LoginPath = "/login";
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardClaims.OwnerPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(StaffRole.Owner)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bao.af";
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddSingleton<UiText>();
        services.AddSingleton<IStringLocalizerFactory, UiTextFactory>();
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin");
                o.Conventions.AuthorizeFolder("/Admin/Users", DashboardClaims.OwnerPolicy);
                o.Conventions.AuthorizeFolder("/Admin/Settings", DashboardClaims.OwnerPolicy);
                o.Conventions.AuthorizeFolder("/Admin/Diagnostics", DashboardClaims.OwnerPolicy);
                foreach (var page in new[] { "/Login", "/Setup" })
                    o.Conventions.AddPageApplicationModelConvention(page,
                        m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(DashboardSecurity.SignInPolicy)));
                o.Conventions.AddFolderApplicationModelConvention("/Admin",
                    m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(TwoFactor.RequireTwoFactorFilter))));
            })
            .AddDataAnnotationsLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });

        services.AddSingleton<UserStampCache>();
        services.AddScoped<OrderActions>();
        services.AddScoped<TwoFactor.TwoFactorService>();
        services.AddScoped<TwoFactor.RequireTwoFactorFilter>();
        services.AddScoped<BotTextEditor>();
        services.AddScoped<SystemStatus>();
        services.AddScoped<ConnectivityProbe>();
        services.AddSingleton<Hosting.RecentLogEvents>();
        services.AddSingleton<Serilog.Core.ILogEventSink>(sp => sp.GetRequiredService<Hosting.RecentLogEvents>());
        services.AddSingleton<SetupCode>();
        services.AddHostedService<FirstOwnerSeeder>();
        return services;
    }

    /// <summary>Static files, UI culture (a <c>?culture=</c> choice is remembered in a cookie), authentication.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.Use(RememberCulture);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/", () => Results.Redirect("/admin")).ExcludeFromDescription();
        return app;
    }

    private static Task RememberCulture(HttpContext context, Func<Task> next)
    {
        var asked = context.Request.Query["culture"].ToString();
        var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(asked, StringComparison.OrdinalIgnoreCase)
                                                  || c.TwoLetterISOLanguageName.Equals(asked, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            context.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        }
        return next();
    }
}
