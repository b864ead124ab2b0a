using BotAutoOrder.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace BotAutoOrder.Tests.Web;

public class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["my-webhook-secret", "pakasir-api-key-123"]);

    [Theory]
    [InlineData("calling https://api.telegram.org/bot123456789:AAH3kq_zXyZ-abcdefghijklmnopqrs/sendMessage", "bot***/sendMessage")]
    [InlineData("GET /api/transactiondetail?project=toko&amount=5000&order_id=INV-1&api_key=abcdef", "api_key=***")]
    [InlineData("secret was my-webhook-secret here", "secret was *** here")]
    [InlineData("key pakasir-api-key-123", "key ***")]
    public void Redact_Secrets_AreMasked(string input, string expectedFragment)
    {
        var output = _redactor.Redact(input);

        Assert.Contains(expectedFragment, output);
        Assert.DoesNotContain("AAH3kq", output);
        Assert.DoesNotContain("api_key=abcdef", output);
    }

    [Fact]
    public void Redact_ShortConfiguredSecretAndConnectionPassword_AreMasked()
    {
        var redactor = new SecretRedactor(["k3Y9", "", "  "]);

        var output = redactor.Redact("webhook secret k3Y9 used; Host=db;Username=app;Password=pg-pass-1;Database=x");

        Assert.DoesNotContain("k3Y9", output);
        Assert.DoesNotContain("pg-pass-1", output);
        Assert.Contains("Password=***;", output);
    }

    [Fact]
    public void Enrich_LogEventWithSecrets_RewritesItsStringProperties()
    {
        var template = new MessageTemplateParser().Parse("Calling {Url}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
            [new LogEventProperty("Url", new ScalarValue("https://x/bot123456789:AAH3kq_zXyZ-abcdefghijklmnopqrs/getMe"))]);

        _redactor.Enrich(logEvent, null!);

        Assert.Equal("Calling \"https://x/bot***/getMe\"", logEvent.RenderMessage());
    }
}
