using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments;

namespace BotAutoOrder.Tests.Web;

public class PakasirWebhookParserTests
{
    [Fact]
    public void TryParse_V1DocumentedBody_ReadsAllFields()
    {
        const string json = """{"amount":22000,"order_id":"INV-240910-0001","project":"toko-uji","status":"completed","payment_method":"qris","completed_at":"2025-09-10T08:07:02.819+07:00"}""";

        Assert.True(PakasirWebhookParser.TryParse(json, out var n, out var error), error);

        Assert.Equal(new PakasirNotification("INV-240910-0001", null, 22000, PaymentStatus.Completed, "toko-uji", null,
            new DateTime(2025, 9, 10, 1, 7, 2, 819, DateTimeKind.Utc)), n);
        Assert.Null(error);
    }

    [Fact]
    public void TryParse_V1WithSandboxFlag_ReadsIt()
    {
        const string json = """{"amount":22000,"order_id":"DEP-7","project":"p","status":"completed","payment_method":"qris","completed_at":"2025-09-10T01:07:02Z","is_sandbox":true}""";

        Assert.True(PakasirWebhookParser.TryParse(json, out var n, out _));

        Assert.True(n!.IsSandbox);
    }

    [Fact]
    public void TryParse_V2Body_ReadsTxnIdAndSandbox()
    {
        const string json = """{"txn_id":"txn_abc123","order_id":"INV-9","amount":15000,"status":"canceled","is_sandbox":false,"completed_at":null}""";

        Assert.True(PakasirWebhookParser.TryParse(json, out var n, out var error), error);

        Assert.Equal(new PakasirNotification("INV-9", "txn_abc123", 15000, PaymentStatus.Cancelled, null, false, null), n);
    }

    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"amount":22000,"status":"completed"}""", "order_id")]
    [InlineData("""{"order_id":"","amount":22000,"status":"completed"}""", "order_id")]
    [InlineData("""{"order_id":"INV-1","status":"completed"}""", "amount")]
    [InlineData("""{"order_id":"INV-1","amount":22000.5,"status":"completed"}""", "amount")]
    [InlineData("""{"order_id":"INV-1","amount":"22k","status":"completed"}""", "amount")]
    [InlineData("""{"order_id":"INV-1","amount":-5,"status":"completed"}""", "amount")]
    [InlineData("""{"order_id":"INV-1","amount":22000,"status":"refunded"}""", "status")]
    [InlineData("""{"order_id":"INV-1","amount":22000}""", "status")]
    [InlineData("""{"order_id":"INV-1","amount":22000,"status":"completed","is_sandbox":"yes"}""", "is_sandbox")]
    [InlineData("""{"order_id":"INV-1","amount":22000,"status":"completed","completed_at":"yesterday"}""", "completed_at")]
    public void TryParse_Malformed_FailsWithClearError(string json, string expectedInError)
    {
        Assert.False(PakasirWebhookParser.TryParse(json, out var n, out var error));

        Assert.Null(n);
        Assert.Contains(expectedInError, error);
    }
}
