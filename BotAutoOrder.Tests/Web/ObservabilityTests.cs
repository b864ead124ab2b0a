using System.Net;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

public abstract class ObservabilityTests(DatabaseProvider provider) : ShopTestBase(provider)
{
    [Fact]
    public async Task HealthEndpoints_Running_AnswerLiveAndReady()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        var ready = await Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_Scraped_ArePrometheusText()
    {
        await Client.GetAsync("/health/live");

        var response = await Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE http_requests_received_total counter", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ObservabilityPostgresTests() : ObservabilityTests(DatabaseProvider.Postgres);

public sealed class ObservabilitySqliteTests() : ObservabilityTests(DatabaseProvider.Sqlite);
