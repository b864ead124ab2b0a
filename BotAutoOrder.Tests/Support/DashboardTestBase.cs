using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Support;

/// <summary>A running shop whose first owner comes from <c>Admin:Email</c>/<c>Admin:Password</c>, plus dashboard clients.</summary>
public abstract class DashboardTestBase(DatabaseProvider provider) : ShopTestBase(provider)
{
    public const string OwnerEmail = "owner@shop.test";
    public const string OwnerPassword = "owner-pass-123";
    public const string AdminPassword = "admin-pass-123";
    private readonly List<DashboardClient> _clients = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = OwnerEmail,
        ["Admin:Password"] = OwnerPassword,
    };

    protected DashboardClient NewClient()
    {
        var client = new DashboardClient(Client.BaseAddress!);
        _clients.Add(client);
        return client;
    }

    /// <summary>A client signed in as the configured owner.</summary>
    protected async Task<DashboardClient> OwnerAsync() => await SignedInAsync(OwnerEmail, OwnerPassword);

    /// <summary>A client signed in as a (new) admin with the Admin role.</summary>
    protected async Task<DashboardClient> AdminAsync(string email = "admin@shop.test")
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
            var result = await staff.CreateAsync(email, AdminPassword, StaffRole.Admin, AuditLog.Job("test"), default);
            Assert.True(result.Succeeded, result.Outcome.ToString());
        }
        return await SignedInAsync(email, AdminPassword);
    }

    protected async Task<DashboardClient> SignedInAsync(string email, string password)
    {
        var client = NewClient();
        using var response = await client.SignInAsync(email, password);
        Assert.True(response.Headers.Location?.ToString() == "/admin", $"sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public override async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await base.DisposeAsync();
    }
}
