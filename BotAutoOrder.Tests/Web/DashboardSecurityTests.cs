using System.Net;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>The dashboard's doors: setup code, one first owner, atomic lockout, per-IP sign-in limit, headers, cookies, session end, /metrics.</summary>
public abstract class DashboardSecurityTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    [Fact]
    public async Task SignIn_50ConcurrentWrongPasswords_LocksTheAccount()
    {
        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<StaffService>().SignInAsync(OwnerEmail, $"wrong-{i}", default)).Outcome;
        });

        var outcomes = await Task.WhenAll(attempts);

        // Counted atomically: at most 4 attempts hear "wrong password", every later one "locked" (lost updates let
        // many more through before the count reaches 5).
        Assert.InRange(outcomes.Count(o => o == StaffOutcome.InvalidCredentials), 1, StaffService.MaxFailedAttempts - 1);
        Assert.Contains(StaffOutcome.LockedOut, outcomes);
        await using var scope = App.Services.CreateAsyncScope();
        var right = await scope.ServiceProvider.GetRequiredService<StaffService>().SignInAsync(OwnerEmail, OwnerPassword, default);
        Assert.Equal(StaffOutcome.LockedOut, right.Outcome);
    }

    [Fact]
    public async Task DashboardPage_Any_CarriesSecurityHeaders()
    {
        var owner = await OwnerAsync();
        var urls = App.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.Replace("{id:long}", "1").Replace("{id:long?}", "1").Replace("{id?}", ""))
            .Where(u => u.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            .Distinct().Append("/login").ToList();
        Assert.True(urls.Count >= 10, string.Join(", ", urls));

        foreach (var url in urls)
        {
            using var response = await owner.GetAsync(url);
            var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var v) ? v : []);
            Assert.True(csp.Contains("frame-ancestors 'none'") && csp.Contains("script-src 'self'"), $"{url}: CSP '{csp}'");
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(response.Headers.Contains("Referrer-Policy"), url);
        }
    }

    [Fact]
    public async Task Metrics_WithBearerTokenSetting_NeedTheToken()
    {
        await using var app = new ShopApp(await TestDatabase.CreateAsync(Provider, "metrics"), Bot,
            new Dictionary<string, string?> { ["Metrics:BearerToken"] = "scrape-token-0123456789" });
        var client = app.Start();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer nope" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer scrape-token-0123456789" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }
}

public sealed class DashboardSecurityPostgresTests() : DashboardSecurityTests(DatabaseProvider.Postgres);

public sealed class DashboardSecuritySqliteTests() : DashboardSecurityTests(DatabaseProvider.Sqlite);

/// <summary>The first owner on /setup: only with the code from the log, and only one however many post at once.</summary>
public abstract class FirstOwnerSetupTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    [Fact]
    public async Task Setup_WithoutTheLoggedCode_CreatesNobody()
    {
        using var client = new DashboardClient(Client.BaseAddress!);

        using var response = await client.PostFormAsync("/setup", ("Input.SetupCode", "0000-0000-0000-0000"),
            ("Input.Email", "thief@shop.test"), ("Input.Password", "thief-pass-123"), ("Input.ConfirmPassword", "thief-pass-123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("setup code", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await App.QueryAsync(db => db.DashboardUsers.AnyAsync()));
    }

    [Fact]
    public async Task Setup_EightSimultaneousPosts_CreateOneOwner()
    {
        var code = App.GetService<SetupCode>().Value;
        var clients = Enumerable.Range(0, 8).Select(_ => new DashboardClient(Client.BaseAddress!)).ToList();
        var tokens = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/setup")));
        Assert.All(tokens, html => Assert.NotNull(DashboardClient.TokenIn(html)));

        // Every client already holds its form; the posts leave together, so each passes the page's "no user yet" check.
        var posts = clients.Select((c, i) => c.PostFormAsync("/setup", ("Input.SetupCode", code),
            ("Input.Email", $"boss{i}@shop.test"), ("Input.Password", "boss-pass-123"), ("Input.ConfirmPassword", "boss-pass-123")));
        var answers = await Task.WhenAll(posts);

        Assert.Equal(1, await App.QueryAsync(db => db.DashboardUsers.CountAsync()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var c in clients) c.Dispose();
    }
}

public sealed class FirstOwnerSetupPostgresTests() : FirstOwnerSetupTests(DatabaseProvider.Postgres);

public sealed class FirstOwnerSetupSqliteTests() : FirstOwnerSetupTests(DatabaseProvider.Sqlite);

/// <summary>Behind the TLS proxy: forwarded headers from loopback believed, Secure cookies, HSTS.</summary>
public sealed class ProxyDeploymentTests() : DashboardTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Dashboard:RequireHttpsCookies"] = null, // the production rule: PublicUrl (https in ShopApp) decides
    };

    [Fact]
    public async Task HttpsPublicUrl_BehindProxy_CookiesSecureAndHsts()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login") { Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "198.51.100.4" } } };

        using var response = await http.SendAsync(request); // the app itself is reached over plain http, as behind Caddy

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("bao.af", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => c.StartsWith("bao.", StringComparison.Ordinal)), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", string.Join("", response.Headers.GetValues("Strict-Transport-Security")));
    }

}

/// <summary>Sign-in posts per client address (as forwarded by the trusted proxy on loopback) are limited.</summary>
public sealed class SignInRateLimitTests() : DashboardTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Dashboard:SignInAttemptsPerMinute"] = "3",
    };

    [Fact]
    public async Task SignInPosts_ManyFromOneAddress_AreLimited()
    {
        var attacker = NewClient();
        attacker.Headers.Add("X-Forwarded-For", "203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await attacker.SignInAsync(OwnerEmail, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var limited = await attacker.SignInAsync(OwnerEmail, "wrong-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        var owner = NewClient();
        owner.Headers.Add("X-Forwarded-For", "198.51.100.9");
        using var signedIn = await owner.SignInAsync(OwnerEmail, OwnerPassword);
        Assert.Equal("/admin", signedIn.Headers.Location?.ToString());
    }
}

/// <summary>A sign-in ends after Dashboard:AbsoluteSessionHours however active it is.</summary>
public sealed class AbsoluteSessionTests : IAsyncLifetime
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();
    private BotApiDouble _bot = null!;
    private ShopApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApiDouble.StartAsync();
        _app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "session"), _bot, new Dictionary<string, string?>
        {
            ["Admin:Email"] = DashboardTestBase.OwnerEmail, ["Admin:Password"] = DashboardTestBase.OwnerPassword,
        })
        { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _client = _app.Start();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task ActiveSession_PastAbsoluteLifetime_MustSignInAgain()
    {
        using var owner = new DashboardClient(_client.BaseAddress!);
        using var signIn = await owner.SignInAsync(DashboardTestBase.OwnerEmail, DashboardTestBase.OwnerPassword);
        Assert.Equal("/admin", signIn.Headers.Location?.ToString());

        foreach (var hours in new[] { 11, 11 }) // each visit within the 12-hour idle timeout renews the cookie
        {
            _clock.Now += TimeSpan.FromHours(hours);
            using var active = await owner.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }
        _clock.Now += TimeSpan.FromHours(3); // 25 hours after signing in, 3 after the last visit

        using var expired = await owner.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/login", expired.Headers.Location!.PathAndQuery);
    }
}
