using System.Net;
using System.Net.Http.Json;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Issue 9 item 6: a forged Pakasir V1 webhook (V1 has no secret, so anyone who knows an invoice code and its amount can
/// send one) costs at most one gateway status call per 4 s per payment, however many arrive.
/// </summary>
public abstract class WebhookFloodTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Pakasir:ApiVersion"] = "V1",
        ["Webhooks:RefusalsPerMinute"] = "1000", // this test is about the gateway pace, not the per-IP limit
    };

    [Fact]
    public async Task Webhook_HundredForgedForOneInvoice_AtMostOneGatewayCallPerFourSeconds()
    {
        var productId = await SeedProductAsync("FLD", "Flood", 10_000, items: 1);
        var order = await CheckoutQrisAsync(60_001, productId);
        var forged = new { amount = order.Total, order_id = order.InvoiceCode, project = Pakasir.Project, status = "completed", payment_method = "qris" };
        var started = DateTimeOffset.UtcNow;

        var codes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await Client.PostAsJsonAsync("/webhooks/pakasir", forged);
            return response.StatusCode;
        }));

        var finished = DateTimeOffset.UtcNow;
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Conflict, c)); // the gateway says pending: nothing changes
        var calls = Pakasir.CallsTo("transactiondetail").Where(c => c.Query.Contains(order.InvoiceCode, StringComparison.Ordinal))
            .Select(c => c.At).Where(at => at >= started.AddSeconds(-4)).OrderBy(at => at).ToList();
        Assert.NotEmpty(calls);
        for (var i = 1; i < calls.Count; i++)
            Assert.True(calls[i] - calls[i - 1] >= TimeSpan.FromSeconds(3.9), $"status calls {calls[i] - calls[i - 1]} apart");
        Assert.True(calls.Count <= 2 + (int)((finished - started).TotalSeconds / 4), $"{calls.Count} status calls in {finished - started}");
        Assert.Equal(OrderStatus.PendingPayment, (await LatestOrderAsync(60_001)).Status);
        Assert.Null(await App.QueryAsync(db => db.Payments.Select(p => p.AppliedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task V1WithWebhookSecret_AGenuinePaymentWithoutHeaderIsApplied_AQuerySecretIsChecked()
    {
        var productId = await SeedProductAsync("V1S", "V1", 10_000, items: 2);
        var order = await CheckoutQrisAsync(60_002, productId);
        var wrong = new Uri(WebhookUrl + "?secret=guess");

        using var forged = await Pakasir.PayAsync(order.InvoiceCode, wrong, secret: null, v1Shape: true);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var genuine = await Pakasir.PayAsync(order.InvoiceCode, new Uri(WebhookUrl + "?secret=" + PakasirSecret), secret: null, v1Shape: true);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        await Bot.WaitForAsync(c => c.ChatId == 60_002 && c.Text?.Contains("Pembayaran diterima") == true, what: "delivery");
    }
}

public sealed class WebhookFloodPostgresTests() : WebhookFloodTests(DatabaseProvider.Postgres);

public sealed class WebhookFloodSqliteTests() : WebhookFloodTests(DatabaseProvider.Sqlite);

/// <summary>Refused webhooks are limited per IP; a request that proves itself with the right secret never is.</summary>
public abstract class WebhookRefusalLimitTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Webhooks:RefusalsPerMinute"] = "5",
    };

    [Fact]
    public async Task RefusalsFromOneAddress_Get429_WhileAuthenticatedWebhooksStillGoThrough()
    {
        var productId = await SeedProductAsync("RL", "Limit", 10_000, items: 1);
        var order = await CheckoutQrisAsync(60_003, productId);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/pakasir")
                { Content = JsonContent.Create(new { txn_id = "x", order_id = order.InvoiceCode, amount = order.Total, status = "completed" }) };
            request.Headers.Add("X-Secret", "guess-" + i);
            using var response = await Client.SendAsync(request);
            codes.Add(response.StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), codes);
        using (var telegramForgery = await App.PostUpdateAsync(Client, Updates.Text(60_003, "/start"), secret: "wrong"))
            Assert.Equal(HttpStatusCode.TooManyRequests, telegramForgery.StatusCode); // one budget per address for both hooks

        // The same address with the right secrets: a Telegram update and the genuine payment are handled.
        using (var update = await App.PostUpdateAsync(Client, Updates.Text(60_003, "/start")))
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using var paid = await Pakasir.PayAsync(order.InvoiceCode, WebhookUrl, PakasirSecret, v1Shape: false);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await Bot.WaitForAsync(c => c.ChatId == 60_003 && c.Text?.Contains("Pembayaran diterima") == true, what: "delivery");
    }
}

public sealed class WebhookRefusalLimitPostgresTests() : WebhookRefusalLimitTests(DatabaseProvider.Postgres);

public sealed class WebhookRefusalLimitSqliteTests() : WebhookRefusalLimitTests(DatabaseProvider.Sqlite);
