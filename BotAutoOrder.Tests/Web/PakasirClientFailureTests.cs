using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Payments;

namespace BotAutoOrder.Tests.Web;

/// <summary>How the real clients behave when Pakasir refuses, fails, stalls or talks nonsense — and that the key stays secret.</summary>
public class PakasirClientFailureTests
{
    [Theory]
    [InlineData(PakasirApiVersion.V1)]
    [InlineData(PakasirApiVersion.V2)]
    public async Task Create_WrongApiKey_ThrowsNotTransientWithoutTheKey(PakasirApiVersion version)
    {
        const string wrongKey = "pk_wrong_KEY_4711_do_not_log";
        await using var pakasir = await PakasirDouble.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var services = PakasirGateway.Build(pakasir, version, logs, apiKey: wrongKey);

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => services.Gateway().CreateAsync("INV-1", 10000, CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains(wrongKey, pakasir.Calls[0].Body + pakasir.Calls[0].ApiKeyHeader); // the double did get it (and echoed it back)
        Assert.DoesNotContain(wrongKey, ex.ToString());
        Assert.DoesNotContain(wrongKey, logs.AllText);
    }

    [Fact]
    public async Task Cancel_ServerError_ThrowsTransientAndIsNotRetried()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        var t = await services.Gateway().CreateAsync("INV-2", 10000, CancellationToken.None);
        pakasir.FailNext(500);

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            services.Gateway().CancelAsync(new GatewayReference("INV-2", t.TxnId, 10000), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(500, ex.StatusCode);
        Assert.Single(pakasir.CallsTo("cancel-transaction"));
        Assert.Equal(PaymentStatus.Pending, pakasir.Find("INV-2")!.Status);
    }

    [Fact]
    public async Task Status_PersistentOutage_ThrowsTransientAfterRetries()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1);
        await services.Gateway().CreateAsync("INV-3", 10000, CancellationToken.None);
        pakasir.FailNext(502, times: 10);

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            services.Gateway().GetStatusAsync(new GatewayReference("INV-3", null, 10000), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(3, pakasir.CallsTo("/api/transactiondetail").Count);
    }

    [Theory]
    [InlineData(PakasirApiVersion.V1)]
    [InlineData(PakasirApiVersion.V2)]
    public async Task Create_MalformedJson_ThrowsNotTransient(PakasirApiVersion version)
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, version);
        pakasir.MalformedNext();

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => services.Gateway().CreateAsync("INV-4", 10000, CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("malformed JSON", ex.Message);
    }

    [Fact]
    public async Task V2Create_After503_IsRetriedAndSucceeds()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        pakasir.FailNext(503);

        var t = await services.Gateway().CreateAsync("INV-5", 10000, CancellationToken.None);

        Assert.Equal(2, pakasir.CallsTo("create-transaction").Count);
        Assert.Equal(pakasir.Find("INV-5")!.TxnId, t.TxnId);
    }

    [Fact]
    public async Task V1Create_After503_IsNotRetried()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1);
        pakasir.FailNext(503);

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => services.Gateway().CreateAsync("INV-6", 10000, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(503, ex.StatusCode);
        Assert.Single(pakasir.CallsTo("transactioncreate"));
    }

    [Fact]
    public async Task V1Create_SlowerThanTimeout_ThrowsTransient()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1, timeoutSeconds: 1);
        pakasir.DelayNext(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => services.Gateway().CreateAsync("INV-7", 10000, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Contains("timed out", ex.Message);
    }

    [Fact]
    public async Task Create_GatewayUnreachable_ThrowsTransient()
    {
        var pakasir = await PakasirDouble.StartAsync();
        await pakasir.DisposeAsync(); // nothing listens on that port any more
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1);

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => services.Gateway().CreateAsync("INV-8", 10000, CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task V1FullCycle_WithFailures_NeverLogsTheApiKey()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1, logs);
        var gateway = services.Gateway();
        var reference = new GatewayReference("INV-9", null, 10000);

        await gateway.CreateAsync("INV-9", 10000, CancellationToken.None);
        pakasir.FailNext(503);
        await gateway.GetStatusAsync(reference, CancellationToken.None); // retried: Polly and HttpClient log the retry
        pakasir.FailNext(500, times: 3);
        await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.GetStatusAsync(reference, CancellationToken.None));
        await gateway.CancelAsync(reference, CancellationToken.None);

        Assert.Contains(pakasir.ApiKey, pakasir.CallsTo("/api/transactiondetail")[0].Query); // V1 does put it in the URL
        Assert.Contains(logs.Lines, l => l.Contains("transactiondetail", StringComparison.Ordinal)); // HttpClient logging is on
        Assert.Contains(logs.Lines, l => l.Contains("INV-9", StringComparison.Ordinal));
        Assert.DoesNotContain(pakasir.ApiKey, logs.AllText);
    }
}
