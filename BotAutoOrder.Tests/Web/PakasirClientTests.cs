using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Payments;

namespace BotAutoOrder.Tests.Web;

/// <summary>The real V1 and V2 clients, registered by <c>AddPakasir</c>, against the Pakasir double over HTTP.</summary>
public class PakasirClientTests
{
    [Fact]
    public async Task V2Create_DocumentedExample_ParsesFeeTotalAndFields()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        Assert.IsType<PakasirV2Client>(services.Gateway());

        var t = await services.Gateway().CreateAsync("INV-1001", 99000, CancellationToken.None);

        Assert.Equal(("INV-1001", 99000L, 1003L, 100003L), (t.OrderId, t.Amount, t.Fee, t.TotalPayment));
        Assert.Equal(pakasir.Find("INV-1001")!.TxnId, t.TxnId);
        Assert.Equal("qris", t.Method);
        Assert.StartsWith("000201", t.QrString);
        Assert.Null(t.VaNumber);
        Assert.Equal(PaymentStatus.Pending, t.Status);
        Assert.Equal(DateTimeKind.Utc, t.ExpiresAtUtc!.Value.Kind);
        Assert.Equal(pakasir.Find("INV-1001")!.ExpiresAt.UtcDateTime, t.ExpiresAtUtc.Value, TimeSpan.FromMilliseconds(1));
        var call = Assert.Single(pakasir.Calls);
        Assert.Equal(("POST", $"/api/v2/create-transaction/{pakasir.Project}/INV-1001", pakasir.ApiKey), (call.Method, call.Path, call.ApiKeyHeader));
        Assert.Equal("""{"method":"qris","amount":99000}""", call.Body);
    }

    [Theory]
    [InlineData("canceled")]
    [InlineData("cancelled")]
    public async Task V2Status_EitherCancelSpelling_IsCancelled(string spelling)
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        var t = await services.Gateway().CreateAsync("INV-2", 20000, CancellationToken.None);
        pakasir.SetStatus("INV-2", PaymentStatus.Cancelled, spelling);

        var s = await services.Gateway().GetStatusAsync(new GatewayReference("INV-2", t.TxnId, 20000), CancellationToken.None);

        Assert.Equal(PaymentStatus.Cancelled, s.Status);
        Assert.Equal($"/api/v2/transaction-status/{pakasir.Project}/{t.TxnId}", pakasir.Calls[^1].Path);
    }

    [Fact]
    public async Task V2Status_CompletedWithOffset_ConvertsToUtcAndReportsAmount()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        var t = await services.Gateway().CreateAsync("INV-3", 22000, CancellationToken.None);
        pakasir.SetStatus("INV-3", PaymentStatus.Completed, completedAt: DateTimeOffset.Parse("2025-09-10T08:07:02.819+07:00"));
        pakasir.OverrideStatusAmount("INV-3", 1000);

        var s = await services.Gateway().GetStatusAsync(new GatewayReference("INV-3", t.TxnId, 22000), CancellationToken.None);

        Assert.Equal((PaymentStatus.Completed, 1000L, "INV-3", false), (s.Status, s.Amount, s.OrderId, s.IsSandbox));
        Assert.Equal(new DateTime(2025, 9, 10, 1, 7, 2, 819, DateTimeKind.Utc), s.CompletedAtUtc);
        Assert.Equal(DateTimeKind.Utc, s.CompletedAtUtc!.Value.Kind);
    }

    [Fact]
    public async Task V2Status_UnknownStatus_ThrowsNotTransient()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        var t = await services.Gateway().CreateAsync("INV-4", 15000, CancellationToken.None);
        pakasir.SetStatus("INV-4", PaymentStatus.Pending, spelling: "refunded");

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            services.Gateway().GetStatusAsync(new GatewayReference("INV-4", t.TxnId, 15000), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("refunded", ex.Message);
    }

    [Fact]
    public async Task V2Cancel_OpenTransaction_PostsCancelAndStatusReadsCancelled()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V2);
        var t = await services.Gateway().CreateAsync("INV-5", 30000, CancellationToken.None);
        var reference = new GatewayReference("INV-5", t.TxnId, 30000);

        await services.Gateway().CancelAsync(reference, CancellationToken.None);
        var s = await services.Gateway().GetStatusAsync(reference, CancellationToken.None);

        Assert.Single(pakasir.CallsTo($"/api/v2/cancel-transaction/{pakasir.Project}/{t.TxnId}"), c => c.Method == "POST");
        Assert.Equal(PaymentStatus.Cancelled, s.Status);
    }

    [Fact]
    public async Task V1CreateStatusCancel_DocumentedShapes_AreParsed()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1);
        Assert.IsType<PakasirV1Client>(services.Gateway());

        var t = await services.Gateway().CreateAsync("INV-6", 99000, CancellationToken.None);
        Assert.Equal((99000L, 1003L, 100003L, (string?)null), (t.Amount, t.Fee, t.TotalPayment, t.TxnId));
        Assert.Equal(pakasir.Find("INV-6")!.PaymentNumber, t.QrString);
        Assert.Equal(DateTimeKind.Utc, t.ExpiresAtUtc!.Value.Kind);
        var create = Assert.Single(pakasir.CallsTo("/api/transactioncreate/qris"));
        Assert.Contains($"\"api_key\":\"{pakasir.ApiKey}\"", create.Body);
        Assert.Contains("\"order_id\":\"INV-6\"", create.Body);

        var reference = new GatewayReference("INV-6", null, 99000);
        pakasir.SetStatus("INV-6", PaymentStatus.Cancelled, "canceled");
        var s = await services.Gateway().GetStatusAsync(reference, CancellationToken.None);
        Assert.Equal((PaymentStatus.Cancelled, 99000L, pakasir.Project, (string?)null), (s.Status, s.Amount, s.Project, s.TxnId));
        Assert.Contains("amount=99000", pakasir.CallsTo("/api/transactiondetail")[0].Query);

        pakasir.SetStatus("INV-6", PaymentStatus.Pending);
        await services.Gateway().CancelAsync(reference, CancellationToken.None);
        Assert.Equal(PaymentStatus.Cancelled, pakasir.Find("INV-6")!.Status);
        Assert.Contains("\"project\":\"toko-uji\"", Assert.Single(pakasir.CallsTo("/api/transactioncancel")).Body);
    }

    [Fact]
    public async Task V1Create_VirtualAccount_PaymentNumberIsVaNumber()
    {
        await using var pakasir = await PakasirDouble.StartAsync();
        await using var services = PakasirGateway.Build(pakasir, PakasirApiVersion.V1, method: "bni_va");

        var t = await services.Gateway().CreateAsync("INV-7", 50000, CancellationToken.None);

        Assert.Equal(("bni_va", "8808123456789012", (string?)null), (t.Method, t.VaNumber, t.QrString));
        Assert.Single(pakasir.CallsTo("/api/transactioncreate/bni_va"));
    }
}
