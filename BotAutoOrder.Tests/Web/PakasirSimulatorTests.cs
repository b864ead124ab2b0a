using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>The built-in simulator inside the real app, in its default configuration (no Pakasir settings at all).</summary>
public class PakasirSimulatorTests
{
    [Fact]
    public async Task Create_DefaultConfiguration_UsesSimulatorThroughRealV2Client()
    {
        await using var app = new PakasirAppFactory();
        var gateway = app.Services.GetRequiredService<IPaymentGateway>();
        Assert.IsType<PakasirV2Client>(gateway);

        var before = DateTime.UtcNow;
        var t = await gateway.CreateAsync("INV-SIM-1", 99000, CancellationToken.None);

        Assert.Equal((99000L, 1003L, 100003L, PaymentStatus.Pending, false), (t.Amount, t.Fee, t.TotalPayment, t.Status, t.IsSandbox));
        Assert.False(string.IsNullOrEmpty(t.TxnId));
        Assert.StartsWith("000201", t.QrString);
        Assert.Contains("INV-SIM-1", t.QrString);
        Assert.Contains($"/simulator/pakasir/pay/{t.TxnId}", t.PaymentUrl);
        Assert.InRange(t.ExpiresAtUtc!.Value, before.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
        var again = await gateway.CreateAsync("INV-SIM-1", 99000, CancellationToken.None);
        Assert.Equal(t.TxnId, again.TxnId); // find-or-create

        var page = await app.CreateClient().GetStringAsync("/simulator/pakasir");
        Assert.Contains("INV-SIM-1", page);
        Assert.Contains("Bayar / Pay", page);
        Assert.Contains("Rp 100.003", page);
    }

    [Fact]
    public async Task Create_SimulatorWithApiVersionV1_StillSpeaksV2()
    {
        await using var app = new PakasirAppFactory(new Dictionary<string, string> { ["Pakasir:ApiVersion"] = "V1" });

        var t = await app.Services.GetRequiredService<IPaymentGateway>().CreateAsync("INV-SIM-V1", 200000, CancellationToken.None);

        Assert.NotNull(t.TxnId);
        Assert.Equal(2000, t.Fee); // 1% above Rp105.000
    }

    [Fact]
    public async Task QrImage_PendingTransaction_IsPng()
    {
        await using var app = new PakasirAppFactory();
        var t = await app.Services.GetRequiredService<IPaymentGateway>().CreateAsync("INV-SIM-QR", 25000, CancellationToken.None);

        var response = await app.CreateClient().GetAsync($"/simulator/pakasir/qr/{t.TxnId}.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Fact]
    public async Task V2ApiOverHttp_CreateAndStatus_AnswerDocumentedShape()
    {
        await using var app = new PakasirAppFactory();
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", PakasirOptions.SimulatorApiKey);

        var created = await http.PostAsJsonAsync("/simulator/pakasir/api/v2/create-transaction/simulator/INV-HTTP-1", new { method = "qris", amount = 50000 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(
            ["txn_id", "order_id", "amount", "fee", "total_payment", "payment_method", "qr_string", "va_number", "payment_link", "expired_at", "status", "is_sandbox"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal((50000, 660, 50660, "pending"),
            (body.GetProperty("amount").GetInt64(), body.GetProperty("fee").GetInt64(), body.GetProperty("total_payment").GetInt64(), body.GetProperty("status").GetString()));

        var status = await http.GetFromJsonAsync<JsonElement>($"/simulator/pakasir/api/v2/transaction-status/simulator/{body.GetProperty("txn_id").GetString()}");
        Assert.Equal(["txn_id", "order_id", "amount", "status", "is_sandbox", "completed_at"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal("INV-HTTP-1", status.GetProperty("order_id").GetString());

        http.DefaultRequestHeaders.Remove("X-Api-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        var refused = await http.PostAsJsonAsync("/simulator/pakasir/api/v2/create-transaction/simulator/INV-HTTP-2", new { method = "qris", amount = 50000 });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task PayButton_PendingTransaction_CompletesAndReportsWebhook()
    {
        await using var app = new PakasirAppFactory();
        var gateway = app.Services.GetRequiredService<IPaymentGateway>();
        var t = await gateway.CreateAsync("INV-SIM-PAY", 10000, CancellationToken.None);
        var reference = new GatewayReference("INV-SIM-PAY", t.TxnId, 10000);

        var page = await app.CreateClient().PostAsync($"/simulator/pakasir/pay/{t.TxnId}/pay", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // followed the redirect back to the pay page
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Dibayar / paid.", html);
        Assert.Matches("Webhook (not sent|/webhooks/pakasir)", html); // the in-memory test server has no address to call back on
        var s = await gateway.GetStatusAsync(reference, CancellationToken.None);
        Assert.Equal(PaymentStatus.Completed, s.Status);
        Assert.NotNull(s.CompletedAtUtc);
    }

    [Fact]
    public async Task ExpireButton_PendingTransaction_Expires()
    {
        await using var app = new PakasirAppFactory();
        var gateway = app.Services.GetRequiredService<IPaymentGateway>();
        var t = await gateway.CreateAsync("INV-SIM-EXP", 10000, CancellationToken.None);

        await app.CreateClient().PostAsync($"/simulator/pakasir/pay/{t.TxnId}/expire", new FormUrlEncodedContent([]));

        var s = await gateway.GetStatusAsync(new GatewayReference("INV-SIM-EXP", t.TxnId, 10000), CancellationToken.None);
        Assert.Equal(PaymentStatus.Expired, s.Status);
    }

    [Fact]
    public async Task SimulatorPages_LiveMode_AreNotFound()
    {
        await using var app = new PakasirAppFactory(new Dictionary<string, string>
        {
            ["Pakasir:Project"] = "toko", ["Pakasir:ApiKey"] = "live-key", ["Pakasir:BaseUrl"] = "http://127.0.0.1:9",
            // Live Pakasir needs a real bot (never the playground): a polling bot whose Bot API is not there.
            ["Telegram:BotToken"] = "123456:live-test", ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator/pakasir")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator/pakasir/api/v2/transaction-status/toko/x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/simulator/pakasir/pay/x/pay", null)).StatusCode);
    }
}
