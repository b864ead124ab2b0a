using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

public abstract class DashboardAuthTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    /// <summary>Every Razor page under /admin, found from the app's own endpoints (so a new page is covered automatically).</summary>
    private IReadOnlyList<string> AdminPageUrls() =>
        App.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.Replace("{id:long}", "1").Replace("{id:long?}", "1").Replace("{id?}", ""))
            .Where(u => u.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();

    [Fact]
    public async Task EveryAdminPage_WithoutCookie_RedirectsToLogin()
    {
        var urls = AdminPageUrls();
        Assert.True(urls.Count >= 3, string.Join(", ", urls));
        var client = NewClient();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_Returns400()
    {
        var anonymous = NewClient();
        using var login = await anonymous.PostWithoutTokenAsync("/login", ("Input.Email", OwnerEmail), ("Input.Password", OwnerPassword));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        var owner = await OwnerAsync();
        using var create = await owner.PostWithoutTokenAsync("/admin/users?handler=Create",
            ("Input.Email", "x@shop.test"), ("Input.Password", "long-enough-1"), ("Input.Role", "Owner"));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.False(await App.QueryAsync(db => db.DashboardUsers.AnyAsync(u => u.Email == "x@shop.test")));
    }

    [Fact]
    public async Task FirstOwner_ComesFromConfiguration_AndSetupIsGone()
    {
        var owner = await App.QueryAsync(db => db.DashboardUsers.SingleAsync());
        Assert.Equal(OwnerEmail, owner.Email);
        Assert.Equal(StaffRole.Owner, owner.Role);
        Assert.DoesNotContain(OwnerPassword, owner.PasswordHash);

        using var setup = await NewClient().GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
        var client = await OwnerAsync();
        Assert.Contains(OwnerEmail, await client.GetPageAsync("/admin"));
    }

    [Fact]
    public async Task OwnerPages_OpenedByAnAdmin_AreDenied()
    {
        var admin = await AdminAsync();
        foreach (var url in new[] { "/admin/settings", "/admin/users" })
        {
            using var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
            using var denied = await admin.GetAsync(response.Headers.Location.ToString());
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var adminHome = await admin.GetPageAsync("/admin");
        Assert.DoesNotContain("href=\"/admin/users\"", adminHome);

        var owner = await OwnerAsync();
        await owner.GetPageAsync("/admin/users");
        await owner.GetPageAsync("/admin/settings");
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountFor15Minutes()
    {
        var client = NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(OwnerEmail, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with an error
        }
        using var right = await client.SignInAsync(OwnerEmail, OwnerPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("terkunci", await right.Content.ReadAsStringAsync());

        var user = await App.QueryAsync(db => db.DashboardUsers.SingleAsync(u => u.Email == OwnerEmail));
        var minutes = (user.LockoutEndUtc!.Value - DateTime.UtcNow).TotalMinutes;
        Assert.InRange(minutes, 14, 15.1);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AuthLockedOut)));

        // When the lockout has passed, the right password works again.
        await App.QueryAsync(db => db.DashboardUsers.ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEndUtc, DateTime.UtcNow.AddSeconds(-1))));
        await SignedInAsync(OwnerEmail, OwnerPassword);
    }

    [Fact]
    public async Task WrongPassword_FourTimes_DoesNotLock()
    {
        var client = NewClient();
        for (var i = 0; i < 4; i++) (await client.SignInAsync(OwnerEmail, "wrong-password")).Dispose();
        await SignedInAsync(OwnerEmail, OwnerPassword);
    }

    [Fact]
    public async Task PasswordChange_WithOtherSessions_SignsThemOut()
    {
        var first = await OwnerAsync();
        var second = await OwnerAsync();
        using var changed = await first.PostFormAsync("/admin/account/password",
            ("Input.CurrentPassword", OwnerPassword), ("Input.NewPassword", "brand-new-pass"), ("Input.ConfirmPassword", "brand-new-pass"));
        Assert.Contains("Kata sandi diubah", await first.FollowAsync(changed));

        using var stale = await second.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/login", stale.Headers.Location!.PathAndQuery);
        await first.GetPageAsync("/admin"); // the browser that changed it stays signed in
        await SignedInAsync(OwnerEmail, "brand-new-pass");
    }

    [Fact]
    public async Task PasswordChange_WrongCurrentPassword_ShowsErrorNextToField()
    {
        var owner = await OwnerAsync();
        using var response = await owner.PostFormAsync("/admin/account/password",
            ("Input.CurrentPassword", "not-it-at-all"), ("Input.NewPassword", "brand-new-pass"), ("Input.ConfirmPassword", "brand-new-pass"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kata sandi saat ini salah", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deactivate_AnAddedAdmin_SignsThemOutAndBlocksSignIn()
    {
        var owner = await OwnerAsync();
        using var created = await owner.PostFormAsync("/admin/users?handler=Create",
            [new("Input.Email", "Seller@Shop.test"), new("Input.Password", "seller-pass-1"), new("Input.Role", "Admin")], "/admin/users");
        Assert.Contains("seller@shop.test", await owner.FollowAsync(created));
        var seller = await SignedInAsync("seller@shop.test", "seller-pass-1");
        await seller.GetPageAsync("/admin");

        var id = await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Email == "seller@shop.test").Select(u => u.Id).SingleAsync());
        using var deactivated = await owner.PostFormAsync($"/admin/users?handler=Update&id={id}", [new("role", "Admin"), new("confirmed", "true")], "/admin/users");
        await owner.FollowAsync(deactivated);

        using var after = await seller.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await seller.SignInAsync("seller@shop.test", "seller-pass-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // an inactive account cannot sign in
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserUpdated && a.EntityId == id.ToString() && a.Actor == "admin:" + OwnerEmail)));
    }

    [Fact]
    public async Task Demote_LastOwner_IsRefused()
    {
        var owner = await OwnerAsync();
        var id = await App.QueryAsync(db => db.DashboardUsers.Select(u => u.Id).SingleAsync());
        using var response = await owner.PostFormAsync($"/admin/users?handler=Update&id={id}", [new("role", "Admin"), new("isActive", "true"), new("confirmed", "true")], "/admin/users");
        Assert.Contains("minimal satu pemilik", await owner.FollowAsync(response));
        Assert.Equal(StaffRole.Owner, await App.QueryAsync(db => db.DashboardUsers.Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        var owner = await OwnerAsync();
        using var response = await owner.PostFormAsync("/logout", [], "/admin");
        Assert.Equal("/login", response.Headers.Location!.ToString());
        using var after = await owner.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Culture_English_ByQueryAndRemembered()
    {
        var owner = await OwnerAsync();
        Assert.Contains("Pesanan", await owner.GetPageAsync("/admin"));
        Assert.Contains(">Orders<", await owner.GetPageAsync("/admin?culture=en"));
        Assert.Contains(">Orders<", await owner.GetPageAsync("/admin"));
    }
}

public sealed class DashboardAuthPostgresTests() : DashboardAuthTests(DatabaseProvider.Postgres);

public sealed class DashboardAuthSqliteTests() : DashboardAuthTests(DatabaseProvider.Sqlite);

/// <summary>Without <c>Admin:*</c> settings the first owner is created on /setup, which disappears afterwards.</summary>
public abstract class DashboardSetupTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    [Fact]
    public async Task Setup_WhileNoUserExists_CreatesTheOwnerThenCloses()
    {
        using var client = new DashboardClient(Client.BaseAddress!);
        using var login = await client.GetAsync("/login");
        Assert.Equal("/setup", login.Headers.Location!.ToString());

        var code = App.GetService<SetupCode>().Value;
        using var mismatch = await client.PostFormAsync("/setup", ("Input.SetupCode", code),
            ("Input.Email", "boss@shop.test"), ("Input.Password", "boss-pass-123"), ("Input.ConfirmPassword", "other-pass-123"));
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.False(await App.QueryAsync(db => db.DashboardUsers.AnyAsync()));

        using var created = await client.PostFormAsync("/setup", ("Input.SetupCode", code.ToLowerInvariant()),
            ("Input.Email", "boss@shop.test"), ("Input.Password", "boss-pass-123"), ("Input.ConfirmPassword", "boss-pass-123"));
        Assert.Contains("boss@shop.test", await client.FollowAsync(created));
        Assert.Equal(StaffRole.Owner, await App.QueryAsync(db => db.DashboardUsers.Select(u => u.Role).SingleAsync()));

        using var again = await new DashboardClient(Client.BaseAddress!).GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}

public sealed class DashboardSetupPostgresTests() : DashboardSetupTests(DatabaseProvider.Postgres);

public sealed class DashboardSetupSqliteTests() : DashboardSetupTests(DatabaseProvider.Sqlite);
