using System.Net;
using System.Text.Json.Nodes;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>The System page's on-demand probe: Pakasir (the double, Live V2) and Telegram getWebhookInfo, with latency.</summary>
public sealed class ConnectivityProbeTests() : BuyingDashboardTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task SystemPage_WithoutProbe_CallsNoGateway()
    {
        var owner = await OwnerAsync();

        var plain = await owner.GetPageAsync("/admin/system");

        Assert.DoesNotContain("id=\"probe-pakasir\"", plain); // only on demand
        Assert.Empty(Pakasir.CallsTo("payment-fee"));
    }

    [Fact]
    public async Task Probe_ReachableGateway_ReportsOkAndLatencyWithWebhookPendingCountAndLastError()
    {
        Bot.Responder = call => call.Method.Equals("getWebhookInfo", StringComparison.OrdinalIgnoreCase)
            ? BotApiReply.Ok(new JsonObject
            {
                ["url"] = "https://shop.example.test/webhooks/telegram", ["has_custom_certificate"] = false, ["pending_update_count"] = 4,
                ["last_error_date"] = 1_700_000_000, ["last_error_message"] = "Connection <refused>",
            })
            : null;
        var owner = await OwnerAsync();

        var html = await owner.GetPageAsync("/admin/system?handler=Probe");

        Assert.Matches("id=\"probe-pakasir\" class=\"\">OK: answered 200 · <span id=\"probe-pakasir-ms\">\\d+</span> ms", html);
        Assert.Contains("GET /api/v2/payment-fee/10000", html);
        Assert.Single(Pakasir.CallsTo("/api/v2/payment-fee/10000"));
        Assert.Contains("id=\"probe-pending\">4<", html);
        Assert.Contains("id=\"probe-last-error\">Connection &lt;refused&gt;<", html);
        Assert.Matches("id=\"probe-telegram-ms\">\\d+<", html);
    }

    [Fact]
    public async Task Probe_UnreachableGateway_ReportsTheProblemAndStillShowsTelegram()
    {
        var owner = await OwnerAsync();
        await Pakasir.GoOfflineAsync();

        var html = await owner.GetPageAsync("/admin/system?handler=Probe");

        Assert.Matches("id=\"probe-pakasir\" class=\"field-error\">Masalah: unreachable: network error \\(\\w+\\)", html);
        Assert.Contains("id=\"probe-pending\">", html); // Telegram part still answered
    }

    [Theory]
    [InlineData(PakasirApiVersion.V1, "/api/transactiondetail")]
    [InlineData(PakasirApiVersion.V2, "/api/v2/payment-fee/10000")]
    public async Task ClientProbe_EachApiVersion_AnswersOkWithoutATransactionOrTheKey(PakasirApiVersion version, string path)
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, version);

        var probe = version == PakasirApiVersion.V2
            ? await services.GetRequiredService<PakasirV2Client>().ProbeAsync(CancellationToken.None)
            : await services.GetRequiredService<PakasirV1Client>().ProbeAsync(CancellationToken.None);

        Assert.True(probe.Ok, probe.ToString());
        Assert.Equal(version == PakasirApiVersion.V2 ? 200 : 404, probe.StatusCode); // V1: the probe's order never exists
        var call = Assert.Single(pakasir.Calls);
        Assert.Equal(("GET", path), (call.Method, call.Path));
        Assert.Null(pakasir.Find("PROBE-0"));
        Assert.DoesNotContain(pakasir.ApiKey, probe.ToString());
    }

    [Fact]
    public async Task ClientProbe_ServerError_IsNotOkAndNotRetried()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        pakasir.FailNext(503, times: 3);

        var probe = await services.GetRequiredService<PakasirV2Client>().ProbeAsync(CancellationToken.None);

        Assert.False(probe.Ok);
        Assert.Equal(503, probe.StatusCode);
        Assert.Single(pakasir.Calls);
    }
}
