using System.Net;
using System.Net.Sockets;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Payments.Simulator;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The simulator never stands in for Pakasir by accident: a real bot without Pakasir keys does not start, the
/// playground does not run beside signs of a real deployment, and an explicit simulator beside a real bot is owner-only.
/// </summary>
public class PakasirModeGuardTests
{
    private static readonly Dictionary<string, string?> NoPakasir = new()
    {
        ["Pakasir:Mode"] = null, ["Pakasir:Project"] = "", ["Pakasir:ApiKey"] = "",
    };

    [Theory]
    [InlineData("Webhook")]
    [InlineData("Polling")]
    public async Task Start_RealBotWithoutPakasirKeys_StopsNamingTheKeys(string mode)
    {
        await using var bot = await BotApiDouble.StartAsync();
        var settings = new Dictionary<string, string?>(NoPakasir) { ["Telegram:Mode"] = null };
        if (mode == "Polling") settings["Telegram:PublicUrl"] = "";
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "guard"), bot, settings);

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        var messages = string.Join("\n", ConfigurationTests.Flatten(error));
        Assert.Contains("Pakasir:Project", messages);
        Assert.Contains("Pakasir:ApiKey", messages);
        Assert.Contains(mode, messages);
    }

    [Theory]
    [InlineData("Telegram:PublicUrl", "https://shop.example.test", "Telegram:PublicUrl")]
    [InlineData("Telegram:WebhookSecret", "a-secret-that-is-long-enough-1", "Telegram:WebhookSecret")]
    [InlineData("Pakasir:Project", "toko", "Pakasir:Project")]
    public async Task Start_PlaygroundBesideARealDeploymentSetting_Stops(string key, string value, string named)
    {
        await using var bot = await BotApiDouble.StartAsync();
        var settings = new Dictionary<string, string?>(PlaygroundShop.NoConfiguration) { [key] = value };
        if (key == "Pakasir:Project") { settings["Pakasir:ApiKey"] = "live-key"; settings["Pakasir:Mode"] = null; }
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "guard"), bot, settings);

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains(ConfigurationTests.Flatten(error), m => m.Contains(named, StringComparison.Ordinal) && m.Contains("Playground"));
    }

    [Fact]
    public async Task Start_ExplicitPlaygroundWithAToken_Stops()
    {
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "guard"), bot, new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Playground", ["Telegram:PublicUrl"] = "", ["Telegram:WebhookSecret"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains(ConfigurationTests.Flatten(error), m => m.Contains("Telegram:BotToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulator_ExplicitBesideRealBot_PagesNeedASignedInOwner()
    {
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "guard"), bot, new Dictionary<string, string?>
        {
            ["Admin:Email"] = DashboardTestBase.OwnerEmail, ["Admin:Password"] = DashboardTestBase.OwnerPassword,
        }); // ShopApp: Webhook mode with a real token and Pakasir:Mode=Simulator set explicitly
        var client = app.Start();
        var t = await app.GetService<IPaymentGateway>().CreateAsync("INV-GUARD-1", 10000, CancellationToken.None);
        var reference = new GatewayReference("INV-GUARD-1", t.TxnId, 10000);
        using var anonymous = new DashboardClient(client.BaseAddress!);

        foreach (var url in new[] { "/simulator/pakasir", $"/simulator/pakasir/pay/{t.TxnId}" })
        {
            using var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        }
        using var pay = await anonymous.PostWithoutTokenAsync($"/simulator/pakasir/pay/{t.TxnId}/pay");
        Assert.StartsWith("/login", pay.Headers.Location!.PathAndQuery);
        Assert.Equal(PaymentStatus.Pending, (await app.GetService<IPaymentGateway>().GetStatusAsync(reference, CancellationToken.None)).Status);

        using var owner = new DashboardClient(client.BaseAddress!);
        using var signIn = await owner.SignInAsync(DashboardTestBase.OwnerEmail, DashboardTestBase.OwnerPassword);
        Assert.Equal("/admin", signIn.Headers.Location?.ToString());
        Assert.Contains("INV-GUARD-1", await owner.GetPageAsync($"/simulator/pakasir/pay/{t.TxnId}"));
        using var paid = await owner.PostWithoutTokenAsync($"/simulator/pakasir/pay/{t.TxnId}/pay");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(PaymentStatus.Completed, (await app.GetService<IPaymentGateway>().GetStatusAsync(reference, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task SimulatorPay_ForgedHostHeader_CallsOnlyTheAppItself()
    {
        const string pakasirSecret = "pakasir-webhook-secret-xyz";
        using var elsewhere = new TcpListener(IPAddress.Loopback, 0);
        elsewhere.Start();
        var elsewherePort = ((IPEndPoint)elsewhere.LocalEndpoint).Port;
        await using var bot = await BotApiDouble.StartAsync();
        await using var app = new ShopApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "guard"), bot,
            new Dictionary<string, string?>(PlaygroundShop.NoConfiguration) { ["Pakasir:WebhookSecret"] = pakasirSecret });
        var client = app.Start();
        var t = await app.GetService<IPaymentGateway>().CreateAsync("INV-HOST-1", 10000, CancellationToken.None);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/simulator/pakasir/pay/{t.TxnId}/pay");
        request.Headers.Host = $"127.0.0.1:{elsewherePort}";

        using var response = await http.SendAsync(request); // answers after the webhook was delivered

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = Uri.UnescapeDataString(response.Headers.Location!.ToString());
        Assert.Contains("Webhook /webhooks/pakasir answered 4", shown); // the app's own webhook: an unknown invoice is refused
        Assert.DoesNotContain(pakasirSecret, shown);
        Assert.False(elsewhere.Pending(), "the simulator connected to the address in the Host header");
    }

    [Fact]
    public void Simulator_ManyTransactions_KeepsAtMostItsCapacity()
    {
        var simulator = new PakasirSimulator(TimeProvider.System, capacity: 3);
        var first = simulator.FindOrCreate("p", "INV-1", 1000, "qris")!;
        simulator.Pay(first.TxnId);
        for (var i = 2; i <= 6; i++) Assert.NotNull(simulator.FindOrCreate("p", $"INV-{i}", 1000, "qris"));

        var kept = simulator.All();
        Assert.Equal(3, kept.Count);
        Assert.Null(simulator.Find(first.TxnId));
        Assert.Contains(kept, k => k.OrderId == "INV-6");
    }
}
