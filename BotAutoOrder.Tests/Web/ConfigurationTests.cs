using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Tests.Web;

/// <summary>A wrong configuration stops the start with a message that names the key.</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData("Telegram:WebhookSecret", "", "Telegram:WebhookSecret")]
    [InlineData("Telegram:WebhookSecret", "has spaces!", "Telegram:WebhookSecret")]
    [InlineData("Telegram:WebhookSecret", "only_23_characters_long", "Telegram:WebhookSecret")]
    [InlineData("Telegram:PublicUrl", "http://not-https.example", "Telegram:PublicUrl")]
    [InlineData("Telegram:AdminIds", "12,abc", "Telegram:AdminIds")]
    [InlineData("Store:TimeZone", "Mars/Olympus", "Store:TimeZone")]
    [InlineData("Shop:SendRatePerSecond", "100", "Shop:SendRatePerSecond")]
    public async Task Start_WithBadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        await using var bot = await BotApiDouble.StartAsync();
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "cfg");
        await using var app = new ShopApp(database, bot, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        var messages = Flatten(error).ToList();
        Assert.Contains(messages, m => m.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithNoConfigurationAtAll_RunsPlaygroundOnSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "botautoorder-tests", Guid.NewGuid().ToString("N"));
        await using var bot = await BotApiDouble.StartAsync();
        var database = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={folder}/shop.db");
        await using var app = new ShopApp(database, bot, new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "", ["Telegram:Mode"] = null, ["Telegram:PublicUrl"] = "", ["Telegram:WebhookSecret"] = "",
            ["Pakasir:Mode"] = null,
        });
        var client = app.Start();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(folder, "shop.db")), "the SQLite file (and its folder) is created on first start");
        Assert.Equal(BotAutoOrder.Web.Telegram.TelegramMode.Playground,
            app.GetService<IOptions<BotAutoOrder.Web.Telegram.TelegramOptions>>().Value.EffectiveMode);
    }

    internal static IEnumerable<string> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x.Message;
            if (x is AggregateException agg)
                foreach (var inner in agg.InnerExceptions.SelectMany(Flatten)) yield return inner;
            if (x is OptionsValidationException ove)
                foreach (var f in ove.Failures) yield return f;
        }
    }
}
