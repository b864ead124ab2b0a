using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A <see cref="BuyingTestBase"/> shop (Live Pakasir against the double) with a configured dashboard owner, so tests
/// create orders through a real QRIS checkout in the bot and then act on them from the dashboard.
/// </summary>
public abstract class BuyingDashboardTestBase(DatabaseProvider provider) : BuyingTestBase(provider)
{
    private readonly List<DashboardClient> _clients = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Admin:Email"] = DashboardTestBase.OwnerEmail,
        ["Admin:Password"] = DashboardTestBase.OwnerPassword,
    };

    protected static string OwnerActor => "admin:" + DashboardTestBase.OwnerEmail;

    protected async Task<DashboardClient> OwnerAsync()
    {
        var client = new DashboardClient(Client.BaseAddress!);
        _clients.Add(client);
        using var response = await client.SignInAsync(DashboardTestBase.OwnerEmail, DashboardTestBase.OwnerPassword);
        Assert.True(response.Headers.Location?.ToString() == "/admin", $"owner sign-in failed: {(int)response.StatusCode}");
        return client;
    }

    public override async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await base.DisposeAsync();
    }
}
